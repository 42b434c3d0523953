package com.lendkeep.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One client of the UCI "default of credit card clients" data set (shared/data/README.md): credit
 * limit, six months of repayment status, bill and payment, oldest (April 2005) first, and whether
 * the client defaulted the month after. Sex, education, marriage and age are read past, never kept.
 */
public record UciRecord(int id, long limit, int[] status, long[] bill, long[] paid, boolean defaulted) {

    static final String HEADER = "ID,LIMIT_BAL,SEX,EDUCATION,MARRIAGE,AGE,PAY_0,PAY_2,PAY_3,PAY_4,PAY_5,PAY_6,"
            + "BILL_AMT1,BILL_AMT2,BILL_AMT3,BILL_AMT4,BILL_AMT5,BILL_AMT6,PAY_AMT1,PAY_AMT2,PAY_AMT3,PAY_AMT4,PAY_AMT5,PAY_AMT6,"
            + "default_next_month";

    public static List<UciRecord> read(Path path) throws IOException {
        List<String> lines = Files.readAllLines(path);
        if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
            throw new IllegalArgumentException(path + " does not start with the expected header:\n" + HEADER);
        }
        List<UciRecord> records = new ArrayList<>(lines.size() - 1);
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] c = line.split(",");
            if (c.length != 25) {
                throw new IllegalArgumentException(path + " line " + (n + 1) + ": " + c.length + " columns, expected 25");
            }
            try {
                int[] status = new int[6];
                long[] bill = new long[6];
                long[] paid = new long[6];
                // the file lists the most recent month first (PAY_0 = September); keep time order, oldest first
                for (int m = 0; m < 6; m++) {
                    status[5 - m] = Integer.parseInt(c[6 + m]);
                    bill[5 - m] = Long.parseLong(c[12 + m]);
                    paid[5 - m] = Long.parseLong(c[18 + m]);
                }
                records.add(new UciRecord(Integer.parseInt(c[0]), Long.parseLong(c[1]), status, bill, paid, c[24].equals("1")));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(path + " line " + (n + 1) + ": " + e.getMessage(), e);
            }
        }
        return records;
    }

    /** Days past due of month {@code m}: status 1..9 is months of delay; -2, -1 and 0 are not delinquent. */
    public int daysPastDue(int m) {
        return Math.max(0, status[m]) * 30;
    }
}
