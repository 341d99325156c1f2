package kz.adal.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * API tests read the server's sentences in English unless a test says otherwise: a RestAssured request that
 * states no language states {@code Accept-Language: en}; a test's own {@code .header("Accept-Language", "kk")}
 * is left alone (a call that states none gets the account's setting, Kazakh for most demo accounts).
 * A Quarkus test callback (META-INF/services), so it runs inside the application's class loader, where the
 * tests' RestAssured lives.
 */
public class EnglishUnlessSaid implements QuarkusTestBeforeEachCallback {
    static final class English implements Filter {
        @Override
        public Response filter(FilterableRequestSpecification req, FilterableResponseSpecification res, FilterContext ctx) {
            if (!req.getHeaders().hasHeaderWithName("Accept-Language")) req.header("Accept-Language", "en");
            return ctx.next(req, res);
        }
    }

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(f -> f instanceof English)) RestAssured.filters(new English());
    }
}
