package kz.adal.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HeaderConfig;

/**
 * API tests read the server's sentences in English unless a test says otherwise: every RestAssured request
 * states {@code Accept-Language: en}, and a test's own {@code .header("Accept-Language", "kk")} replaces it
 * (a call that states no language gets the account's own setting, Kazakh for most demo accounts).
 * A Quarkus test callback (META-INF/services), so it runs inside the application's class loader, where the
 * tests' RestAssured lives.
 */
public class EnglishUnlessSaid implements QuarkusTestBeforeEachCallback {
    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        RestAssured.config = RestAssured.config().headerConfig(HeaderConfig.headerConfig().overwriteHeadersWithName("Accept-Language"));
        RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("Accept-Language", "en").build();
    }
}
