package com.lendkeep.loan.ops;

import static com.lendkeep.loan.TestSupport.advanceTo;
import static com.lendkeep.loan.TestSupport.database;
import static com.lendkeep.loan.TestSupport.knownCustomer;
import static com.lendkeep.loan.TestSupport.loan;
import static com.lendkeep.loan.TestSupport.openLoan;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.lendkeep.infra.RealInfraTestResource;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** lendkeep_loan_cob_loans_processed_total moves by the loans each close of business closed (as the run records them). */
@QuarkusTest
@QuarkusTestResource(RealInfraTestResource.class)
class CloseOfBusinessMetricsTest {

    @Inject
    MeterRegistry registry;

    @Test
    void theCounterMovesByTheLoansTheRunClosed() throws SQLException {
        String id = openLoan(knownCustomer(), "12000.00", "0.06", 12, "ANNUITY");
        LocalDate due1 = LocalDate.parse(loan(id).getString("schedule[0].dueDate"));
        double before = loansProcessed();

        advanceTo(due1.plusDays(1)); // the first installment is missed: the run closes at least this loan

        int closedByRun = lastRunLoansClosed();
        assertTrue(closedByRun >= 1, "the run closed the loan whose installment fell due");
        assertEquals(before + closedByRun, loansProcessed());
        String scraped = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(scraped.contains("lendkeep_loan_cob_loans_processed_total "), "served at /q/metrics");
    }

    private double loansProcessed() {
        return registry.get("lendkeep.loan.cob.loans.processed").counter().count();
    }

    private static int lastRunLoansClosed() throws SQLException {
        try (Connection c = database(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT loans_closed FROM close_of_business_run ORDER BY id DESC LIMIT 1")) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }
}
