package com.lendkeep.e2e;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.lendkeep.infra.ServiceProcesses;

import io.restassured.http.ContentType;

/** customer-service's and loan-service's writes, each performed as a user of its own (RecordedActorTest). */
class CustomerLoanActorProbes extends ActorChecks {

    CustomerLoanActorProbes(ServiceProcesses services) {
        super(services);
    }

    // --- customer-service ---

    void contactIsLoggedByTheToken(List<String> failures) {
        String customer = registerCustomer();
        String url = services.url("customer-service") + "/customers/" + customer + "/contacts";
        LocalDate on = LocalDate.parse(given().get(services.url("customer-service") + "/business-date").then().statusCode(200)
                .extract().<String>path("businessDate"));
        var answer = given().header(as("advisor.actor1", "advisor")).contentType(ContentType.JSON)
                .body(Map.of("kind", "CALL", "topic", "GENERAL", "channel", "PHONE", "contactDate", on.toString())).post(url)
                .then().extract();
        expect(failures, "customer-service POST /customers/{id}/contacts", answer, 201, "loggedBy", "advisor.actor1");
        String readBack = given().get(url).then().statusCode(200).extract().path("[0].loggedBy");
        same(failures, "customer-service GET /customers/{id}/contacts loggedBy", "advisor.actor1", readBack);
        int spoofed = given().header(as("advisor.actor1", "advisor")).contentType(ContentType.JSON)
                .body(Map.of("kind", "CALL", "topic", "GENERAL", "channel", "PHONE", "contactDate", on.toString(), "loggedBy", "cfo.spoofed"))
                .post(url).then().extract().statusCode();
        if (spoofed != 400) {
            failures.add("customer-service POST /customers/{id}/contacts with loggedBy cfo.spoofed: " + spoofed + ", expected 400");
        }
    }

    void erasureIsByTheToken(List<String> failures) {
        String customer = registerCustomer();
        var answer = given().header(as("admin.actor2", "admin")).contentType(ContentType.JSON).body(Map.of("requestReference", "DSR-E2E-1"))
                .post(services.url("customer-service") + "/customers/" + customer + "/erasure").then().extract();
        expect(failures, "customer-service POST /customers/{id}/erasure", answer, 200, "erasedBy", "admin.actor2");
    }

    // --- loan-service ---

    void applicationDecisionsAreByTheTokens(List<String> failures) {
        String loans = services.url("loan-service");
        String customer = registerCustomer();
        Map<String, Object> application = Map.of("customerId", customer, "amount", "5000.00", "annualRate", "0.07", "termMonths", 12,
                "method", "ANNUITY");
        var submitted = E2eStack.onceCustomerKnown(() -> given().header(as("maker.actor3", "core-banking"))
                .contentType(ContentType.JSON).body(application).post(loans + "/loan-applications")).then().extract();
        expect(failures, "loan-service POST /loan-applications", submitted, 201, "submittedBy", "maker.actor3");
        String id = submitted.path("id");
        var approved = given().header(as("checker.actor4", "core-banking")).contentType(ContentType.JSON)
                .post(loans + "/loan-applications/" + id + "/approve").then().extract();
        expect(failures, "loan-service POST /loan-applications/{id}/approve", approved, 200, "decidedBy", "checker.actor4");
        var disbursed = given().header(as("payer.actor5", "core-banking")).contentType(ContentType.JSON).body("{}")
                .post(loans + "/loan-applications/" + id + "/disburse").then().extract();
        // disbursing books the loan; the application keeps who submitted, who decided and who disbursed
        expect(failures, "loan-service POST /loan-applications/{id}/disburse", disbursed, 201, "disbursedBy", "payer.actor5");
        expect(failures, "loan-service POST /loan-applications/{id}/disburse", disbursed, 201, "decidedBy", "checker.actor4");
        expect(failures, "loan-service POST /loan-applications/{id}/disburse", disbursed, 201, "submittedBy", "maker.actor3");

        String toReject = given().header(as("maker.actor3", "core-banking")).contentType(ContentType.JSON).body(application)
                .post(loans + "/loan-applications").then().statusCode(201).extract().path("id");
        var rejected = given().header(as("checker.actor6", "core-banking")).contentType(ContentType.JSON)
                .body(Map.of("reason", "income not verified")).post(loans + "/loan-applications/" + toReject + "/reject").then().extract();
        expect(failures, "loan-service POST /loan-applications/{id}/reject", rejected, 200, "decidedBy", "checker.actor6");
        String toWithdraw = given().header(as("maker.actor3", "core-banking")).contentType(ContentType.JSON).body(application)
                .post(loans + "/loan-applications").then().statusCode(201).extract().path("id");
        var withdrawn = given().header(as("clerk.actor7", "core-banking")).contentType(ContentType.JSON)
                .body(Map.of("reason", "customer changed their mind")).post(loans + "/loan-applications/" + toWithdraw + "/withdraw")
                .then().extract();
        expect(failures, "loan-service POST /loan-applications/{id}/withdraw", withdrawn, 200, "decidedBy", "clerk.actor7");
    }

    void loanWritesAreByTheTokens(List<String> failures) {
        String loans = services.url("loan-service");
        String customer = registerCustomer();
        LocalDate today = LocalDate.parse(given().get(loans + "/business-date").then().statusCode(200).extract().<String>path("date"));
        String loan = bookLoan(customer, today);
        var repaid = given().header(as("cashier.actor9", "core-banking")).contentType(ContentType.JSON)
                .body(Map.of("amount", "100.00")).post(loans + "/loans/" + loan + "/repayments").then().extract();
        expect(failures, "loan-service POST /loans/{id}/repayments", repaid, 201, "recordedBy", "cashier.actor9");
        String history = given().get(loans + "/loans/" + loan + "/repayments").then().statusCode(200).extract().path("[0].recordedBy");
        same(failures, "loan-service GET /loans/{id}/repayments recordedBy", "cashier.actor9", history);

        Map<String, Object> rateChange = Map.of("kind", "RATE_CHANGE", "newAnnualRate", "0.06", "note", "loyalty");
        var asked = given().header(as("advisor.actor10", "advisor")).contentType(ContentType.JSON).body(rateChange)
                .post(loans + "/loans/" + loan + "/modification-requests").then().extract();
        expect(failures, "loan-service POST /loans/{id}/modification-requests", asked, 201, "requestedBy", "advisor.actor10");
        var approved = given().header(as("manager.actor11", "retention-manager")).contentType(ContentType.JSON)
                .post(loans + "/modification-requests/" + asked.path("id") + "/approve").then().extract();
        expect(failures, "loan-service POST /modification-requests/{id}/approve", approved, 200, "decidedBy", "manager.actor11");
        var again = given().header(as("advisor.actor10", "advisor")).contentType(ContentType.JSON).body(rateChange)
                .post(loans + "/loans/" + loan + "/modification-requests").then().extract();
        var rejected = given().header(as("manager.actor12", "retention-manager")).contentType(ContentType.JSON)
                .body(Map.of("reason", "not now")).post(loans + "/modification-requests/" + again.path("id") + "/reject").then().extract();
        expect(failures, "loan-service POST /modification-requests/{id}/reject", rejected, 200, "decidedBy", "manager.actor12");

        var closed = given().header(as("operator.actor13", "admin")).contentType(ContentType.JSON)
                .body(Map.of("date", today.plusDays(1).toString())).post(loans + "/business-date").then().extract();
        expect(failures, "loan-service POST /business-date", closed, 200, "triggeredBy", "operator.actor13");
    }

    void cashIsRecordedByTheToken(List<String> failures) {
        String loans = services.url("loan-service");
        LocalDate today = LocalDate.parse(given().get(loans + "/business-date").then().statusCode(200).extract().<String>path("date"));
        // an overpayment leaves a credit balance, which is refunded
        String overpaid = bookLoan(registerCustomer(), today);
        given().contentType(ContentType.JSON).body(Map.of("amount", "6100.00")).post(loans + "/loans/" + overpaid + "/repayments")
                .then().statusCode(201);
        var refunded = given().header(as("teller.actor14", "core-banking")).contentType(ContentType.JSON)
                .body(Map.of("amount", "10.00")).post(loans + "/loans/" + overpaid + "/refunds").then().extract();
        expect(failures, "loan-service POST /loans/{id}/refunds", refunded, 201, "recordedBy", "teller.actor14");
        // a charged-off loan, on which money is recovered
        String written = bookLoan(registerCustomer(), today);
        given().header(as("operator.actor15", "core-banking")).contentType(ContentType.JSON).body(Map.of("reason", "fraud"))
                .post(loans + "/loans/" + written + "/charge-off").then().statusCode(200);
        var recovered = given().header(as("collector.actor16", "core-banking")).contentType(ContentType.JSON)
                .body(Map.of("amount", "50.00")).post(loans + "/loans/" + written + "/recoveries").then().extract();
        expect(failures, "loan-service POST /loans/{id}/recoveries", recovered, 201, "recordedBy", "collector.actor16");
    }
}
