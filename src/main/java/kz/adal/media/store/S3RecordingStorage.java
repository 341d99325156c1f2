package kz.adal.media.store;

import kz.adal.media.MediaError;
import kz.adal.media.MediaException;
import kz.adal.media.RecordingStorage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Recording storage in an S3-compatible object store (AWS S3, MinIO, Ceph RGW, Garage...) through the AWS SDK
 * for Java v2: its signer, its retries (the standard retry mode backs off and retries 5xx answers, throttling
 * such as {@code SlowDown}, and dropped connections) and its paginators. Recordings are one object per chunk
 * ({@code <track>/chunk-000042.webm}): nothing is ever appended, so no object is read and rewritten. A large
 * finalised recording goes up in parts (multipart upload), each part retried on its own, the whole aborted
 * on failure so no orphan parts are billed.
 *
 * <p>Tested against s3proxy, a real S3 API server, started by {@code S3RecordingStorageTest}.
 */
public final class S3RecordingStorage implements RecordingStorage, AutoCloseable {

    /**
     * Where and how to reach the bucket.
     *
     * @param endpoint       e.g. {@code http://127.0.0.1:9000} for MinIO; null for AWS itself
     * @param pathStyle      true: {@code endpoint/bucket/key} (MinIO and most self-hosted stores)
     * @param maxAttempts    tries per request, the first included (the SDK backs off between them)
     * @param partBytes      size of one part of a multipart upload (at least 5 MiB, S3's minimum)
     * @param multipartAbove files larger than this go up in parts
     */
    public record Settings(URI endpoint, String region, String bucket, String accessKey, String secretKey,
                           boolean pathStyle, Duration timeout, int maxAttempts, long partBytes, long multipartAbove) {
        public Settings {
            if (region == null || region.isBlank() || bucket == null || bucket.isBlank()
                    || accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
                throw new IllegalArgumentException("region, bucket, access key and secret key are required for s3 storage");
            }
            if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
                throw new IllegalArgumentException("Invalid bucket name: " + bucket);
            }
            timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
            maxAttempts = Math.max(1, maxAttempts);
            partBytes = Math.max(5L << 20, partBytes);
            multipartAbove = Math.max(partBytes, multipartAbove);
        }

        public Settings(URI endpoint, String region, String bucket, String accessKey, String secretKey, boolean pathStyle) {
            this(endpoint, region, bucket, accessKey, secretKey, pathStyle, Duration.ofSeconds(60), 6, 16L << 20, 64L << 20);
        }
    }

    private final Settings settings;
    private final S3Client s3;
    private final S3Presigner presigner;

    public S3RecordingStorage(Settings settings) {
        this(settings, null);
    }

    /**
     * @param browserEndpoint the store's address as browsers reach it, for presigned addresses (null: the endpoint)
     */
    public S3RecordingStorage(Settings settings, URI browserEndpoint) {
        this.settings = settings;
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        var s3config = S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build();
        var builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(s3config)
                // self-hosted stores (MinIO, Ceph, s3proxy) do not all take the SDK's newer default trailing checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(200)
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(settings.timeout()))
                .overrideConfiguration(o -> o
                        .retryStrategy(RetryMode.STANDARD)
                        .retryStrategy(b -> b.maxAttempts(settings.maxAttempts()))
                        .apiCallAttemptTimeout(settings.timeout())
                        .apiCallTimeout(settings.timeout().multipliedBy(settings.maxAttempts())));
        var presign = S3Presigner.builder().region(Region.of(settings.region())).credentialsProvider(credentials)
                .serviceConfiguration(s3config);
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        URI presignEndpoint = browserEndpoint != null ? browserEndpoint : settings.endpoint();
        if (presignEndpoint != null) {
            presign.endpointOverride(presignEndpoint);
        }
        this.s3 = builder.build();
        this.presigner = presign.build();
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public void write(String key, byte[] data) {
        RecordingStorage.requireValidKey(key);
        call("PUT " + key, () -> s3.putObject(b -> b.bucket(settings.bucket()).key(key)
                .contentType("application/octet-stream"), RequestBody.fromBytes(data)));
    }

    @Override
    public void write(String key, Path source) {
        RecordingStorage.requireValidKey(key);
        long size;
        try {
            size = Files.size(source);
        } catch (IOException e) {
            throw new MediaException(MediaError.STORAGE_FAILURE, "Cannot read " + source + ": " + e.getMessage(), e);
        }
        if (size <= settings.multipartAbove()) {
            call("PUT " + key, () -> s3.putObject(b -> b.bucket(settings.bucket()).key(key)
                    .contentType("application/octet-stream"), RequestBody.fromFile(source)));
        } else {
            multipart(key, source, size);
        }
    }

    /** Parts of {@code partBytes}, each retried by the SDK; any failure aborts the upload (no orphan parts). */
    private void multipart(String key, Path source, long size) {
        String uploadId = call("CREATE MULTIPART " + key, () -> s3.createMultipartUpload(b -> b.bucket(settings.bucket())
                .key(key).contentType("application/octet-stream")).uploadId());
        try (var channel = java.nio.channels.FileChannel.open(source)) {
            List<CompletedPart> parts = new ArrayList<>();
            long offset = 0;
            for (int number = 1; offset < size; number++) {
                int length = (int) Math.min(settings.partBytes(), size - offset);
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(length);
                while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) >= 0) {
                    // read the part fully
                }
                buffer.flip();
                int partNumber = number;
                String etag = call("PUT PART " + number + " " + key, () -> s3.uploadPart(b -> b.bucket(settings.bucket())
                        .key(key).uploadId(uploadId).partNumber(partNumber), RequestBody.fromByteBuffer(buffer)).eTag());
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
                offset += length;
            }
            call("COMPLETE MULTIPART " + key, () -> s3.completeMultipartUpload(b -> b.bucket(settings.bucket()).key(key)
                    .uploadId(uploadId).multipartUpload(CompletedMultipartUpload.builder().parts(parts).build())));
        } catch (IOException | RuntimeException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(settings.bucket()).key(key).uploadId(uploadId));
            } catch (SdkException abortFailed) {
                e.addSuppressed(abortFailed); // the bucket's lifecycle rule for incomplete uploads cleans it (docs/deploy.md)
            }
            if (e instanceof MediaException m) throw m;
            throw new MediaException(MediaError.STORAGE_FAILURE, "Cannot upload " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] read(String key, long offset, int length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative");
        }
        RecordingStorage.requireValidKey(key);
        long size = size(key); // one HEAD: NOT_FOUND, and a range never asked past the end (416)
        if (length == 0 || offset >= size) {
            return new byte[0];
        }
        long last = Math.min(size, offset + length) - 1;
        ResponseBytes<GetObjectResponse> bytes = call("GET " + key, () -> s3.getObject(b -> b.bucket(settings.bucket())
                .key(key).range("bytes=" + offset + "-" + last), ResponseTransformer.toBytes()));
        return bytes.asByteArray();
    }

    @Override
    public InputStream open(String key) {
        RecordingStorage.requireValidKey(key);
        return call("GET " + key, () -> s3.getObject(b -> b.bucket(settings.bucket()).key(key)));
    }

    @Override
    public long size(String key) {
        RecordingStorage.requireValidKey(key);
        HeadObjectResponse head = call("HEAD " + key, () -> s3.headObject(b -> b.bucket(settings.bucket()).key(key)));
        return head.contentLength();
    }

    @Override
    public boolean exists(String key) {
        try {
            size(key);
            return true;
        } catch (MediaException e) {
            if (e.code() == MediaError.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    /** S3's DELETE does not say whether the object was there: a HEAD first answers it (not atomically). */
    @Override
    public boolean delete(String key) {
        boolean existed = exists(key);
        call("DELETE " + key, () -> s3.deleteObject(b -> b.bucket(settings.bucket()).key(key)));
        return existed;
    }

    @Override
    public List<String> list(String prefix) {
        RecordingStorage.requireValidPrefix(prefix);
        return call("LIST " + prefix, () -> {
            List<String> keys = new ArrayList<>();
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(prefix)).contents()) {
                keys.add(o.key());
            }
            keys.sort(null);
            return keys;
        });
    }

    /**
     * A short-lived address the browser may PUT one object to, directly to the store: exactly this key and this
     * content type (both signed: the store refuses another key or type, {@code S3RecordingStorageTest}). The length
     * is passed to the signer too, but whether a store enforces it varies: whoever records the chunk checks its
     * size with {@link #size} before accepting it into the ledger.
     */
    public URI presignPut(String key, String contentType, long contentLength, Duration ttl) {
        RecordingStorage.requireValidKey(key);
        PresignedPutObjectRequest p = presigner.presignPutObject(r -> r.signatureDuration(ttl)
                .putObjectRequest(b -> b.bucket(settings.bucket()).key(key).contentType(contentType).contentLength(contentLength)));
        try {
            return p.url().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public java.util.Optional<URI> directUploadUrl(String key, String contentType, long contentLength, Duration ttl) {
        return java.util.Optional.of(presignPut(key, contentType, contentLength, ttl));
    }

    /** Whether the bucket answers (readiness): a HEAD on the bucket. */
    public void checkBucket() {
        call("HEAD bucket " + settings.bucket(), () -> s3.headBucket(b -> b.bucket(settings.bucket())));
    }

    /** Creates the bucket if it is missing (tests and a first start against a fresh store). */
    public void createBucketIfMissing() {
        try {
            s3.headBucket(b -> b.bucket(settings.bucket()));
        } catch (software.amazon.awssdk.services.s3.model.NoSuchBucketException e) {
            call("CREATE bucket " + settings.bucket(), () -> s3.createBucket(b -> b.bucket(settings.bucket())));
        } catch (AwsServiceException e) {
            if (e.statusCode() != 404) throw failure("HEAD bucket " + settings.bucket(), e);
            call("CREATE bucket " + settings.bucket(), () -> s3.createBucket(b -> b.bucket(settings.bucket())));
        }
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }

    private static <T> T call(String what, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw failure(what, e);
        }
    }

    private static MediaException failure(String what, SdkException e) {
        if (e instanceof NoSuchKeyException || (e instanceof AwsServiceException s && s.statusCode() == 404)) {
            return new MediaException(MediaError.NOT_FOUND, what + ": not found");
        }
        String code = e instanceof AwsServiceException s && s.awsErrorDetails() != null
                ? " HTTP " + s.statusCode() + " " + s.awsErrorDetails().errorCode() : "";
        return new MediaException(MediaError.STORAGE_FAILURE, what + " failed:" + code + " " + e.getMessage(), e);
    }
}
