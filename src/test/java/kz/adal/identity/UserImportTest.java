package kz.adal.identity;

import io.quarkus.test.junit.QuarkusTest;
import kz.adal.testing.Api;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class UserImportTest {

    private static io.restassured.response.ValidatableResponse upload(byte[] csv) {
        return Api.as("admin").contentType("text/csv").body(csv).post("/api/users/import").then();
    }

    @Test
    void importsStudentsAndStaffFromCsv() {
        String csv = """
                login,full_name,email,roles,group,programme,language,curriculum_completed
                imp.asel,Әсел Иманова,asel@uni.kz,STUDENT,IS-23-2k,6B06102,kk,yes
                imp.oleg,Олег Сидоров,oleg@uni.kz,STUDENT,IS-23-2r,6B06102,ru,no
                imp.prof,Prof Smith,smith@uni.kz,TEACHER|BANK_AUTHOR,,,,
                """;
        upload(csv.getBytes(StandardCharsets.UTF_8)).statusCode(200).body("created", equalTo(3))
                .body("accounts.user.login", hasItems("imp.asel", "imp.oleg", "imp.prof"));
        Api.as("admin").get("/api/users?q=imp.prof").then().statusCode(200)
                .body("[0].roles", hasItems("BANK_AUTHOR", "TEACHER"));
    }

    @Test
    void rejectsTheWholeFileAndNamesEveryBadLine() {
        String csv = """
                login,full_name,roles,group,language
                bad.ok1,Good Row,STUDENT,G-1,en
                bad.role,Bad Role,STUDENT|WIZARD,G-1,en
                ,No Login,STUDENT,G-1,en
                bad.lang,Bad Lang,STUDENT,G-1,de
                bad.ok1,Twice,STUDENT,G-1,en
                """;
        upload(csv.getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .body("code", equalTo("IMPORT_REJECTED"))
                .body("errors.line", hasItems(3, 4, 5, 6))
                .body("errors.find { it.line == 3 }.message", containsString("WIZARD"));
        // nothing was half-imported: the good first row is not there either
        Api.as("admin").get("/api/users?q=bad.ok1").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void refusesAFileThatIsNotUtf8() {
        String csv = "login,full_name,group,language\ncp.user,Дмитрий Ким,G-1,ru\n";
        upload(csv.getBytes(Charset.forName("windows-1251"))).statusCode(400).body("code", equalTo("ENCODING"));
    }

    @Test
    void refusesAFileWithoutTheRequiredHeader() {
        upload("name,group\nx,y\n".getBytes(StandardCharsets.UTF_8)).statusCode(400).body("code", equalTo("BAD_HEADER"));
    }
}
