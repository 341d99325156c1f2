package kz.adal.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Vectors from AWS's published SigV4 test suite and the S3 "GET object" signing example. */
class AwsSigV4SignerTest {

    private static final AwsSigV4Signer SUITE = new AwsSigV4Signer(new AwsSigV4Signer.Credentials(
            "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null), "us-east-1", "service");
    private static final Instant SUITE_TIME = Instant.parse("2015-08-30T12:36:00Z");

    @Test
    void matchesTheGetVanillaVector() {
        AwsSigV4Signer.Signature s = SUITE.sign("GET", URI.create("https://example.amazonaws.com/"), Map.of(),
                AwsSigV4Signer.EMPTY_SHA256, SUITE_TIME);

        assertEquals("""
                GET
                /

                host:example.amazonaws.com
                x-amz-date:20150830T123600Z

                host;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""", s.canonicalRequest());
        assertEquals("""
                AWS4-HMAC-SHA256
                20150830T123600Z
                20150830/us-east-1/service/aws4_request
                bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63""", s.stringToSign());
        assertEquals("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=host;x-amz-date, "
                + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", s.authorization());
    }

    @Test
    void sortsQueryParametersLikeTheQueryOrderVector() {
        AwsSigV4Signer.Signature s = SUITE.sign("GET",
                URI.create("https://example.amazonaws.com/?Param2=value2&Param1=value1"), Map.of(),
                AwsSigV4Signer.EMPTY_SHA256, SUITE_TIME);
        assertEquals("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500", s.signature());
    }

    @Test
    void matchesTheS3GetObjectWithRangeExample() {
        AwsSigV4Signer s3 = new AwsSigV4Signer(new AwsSigV4Signer.Credentials(
                "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", null), "us-east-1", "s3");
        AwsSigV4Signer.Signature s = s3.sign("GET", URI.create("https://examplebucket.s3.amazonaws.com/test.txt"),
                Map.of("Range", "bytes=0-9", "x-amz-content-sha256", AwsSigV4Signer.EMPTY_SHA256),
                AwsSigV4Signer.EMPTY_SHA256, Instant.parse("2013-05-24T00:00:00Z"));
        assertEquals("7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972",
                AwsSigV4Signer.sha256Hex(s.canonicalRequest().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41", s.signature());
        assertEquals("host;range;x-amz-content-sha256;x-amz-date", s.authorization().replaceAll(".*SignedHeaders=([^,]*),.*", "$1"));
    }

    @Test
    void signsANonDefaultPortAsTheHttpClientSendsIt() {
        assertEquals("127.0.0.1:9000", AwsSigV4Signer.hostHeader(URI.create("http://127.0.0.1:9000/b/k")));
        assertEquals("s3.example.org", AwsSigV4Signer.hostHeader(URI.create("https://s3.example.org:443/b")));
    }

    @Test
    void neverPrintsTheSecret() {
        assertFalse(new AwsSigV4Signer.Credentials("AKID", "topsecret", null).toString().contains("topsecret"));
    }

    @Test
    void encodesLikeRfc3986() {
        assertEquals("a%20b%2Fc~-_.", AwsSigV4Signer.uriEncode("a b/c~-_.", true));
        assertEquals("attempts/x/chunk-000001.webm", AwsSigV4Signer.uriEncode("attempts/x/chunk-000001.webm", false));
    }
}
