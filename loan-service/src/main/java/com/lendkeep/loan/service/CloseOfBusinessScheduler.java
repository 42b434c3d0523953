package com.lendkeep.loan.service;

import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import com.lendkeep.loan.config.LoanConfig;
import com.lendkeep.platform.rest.ApiException;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * The daily close of business: moves the business date up to today's date (in the configured zone),
 * never back and never ahead. If operators already moved it further (tests, demos), it does nothing.
 * Several instances may fire together: the business-date row lock makes them run one after the
 * other, and the later ones find the date already there.
 */
@ApplicationScoped
public class CloseOfBusinessScheduler {

    private final CloseOfBusiness closeOfBusiness;
    private final BusinessCalendar calendar;
    private final ZoneId zone;

    public CloseOfBusinessScheduler(CloseOfBusiness closeOfBusiness, BusinessCalendar calendar, LoanConfig config) {
        this.closeOfBusiness = closeOfBusiness;
        this.calendar = calendar;
        this.zone = ZoneId.of(config.closeOfBusiness().zone());
    }

    @Scheduled(identity = "close-of-business", cron = "{loan.close-of-business.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        closeOfBusiness.resumeUnfinished();
        LocalDate today = LocalDate.now(zone);
        if (today.isAfter(calendar.today())) {
            try {
                closeOfBusiness.advanceTo(today, "scheduler");
            } catch (ApiException e) {
                // another instance (or an operator) moved the date past today meanwhile
                Log.infof("close of business to %s not run: %s", today, e.getMessage());
            }
        } else {
            Log.debugf("close of business: the business date is already %s", calendar.today());
        }
    }
}
