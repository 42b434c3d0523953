package com.lendkeep.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UciRecordTest {

    @TempDir
    Path dir;

    @Test
    void readsMonthsOldestFirstAndMapsStatusToDaysPastDue() throws Exception {
        Path file = dir.resolve("uci.csv");
        Files.writeString(file, UciRecord.HEADER + "\n1,20000,2,2,1,24,2,2,-1,-1,-2,-2,3913,3102,689,0,0,0,0,689,0,0,0,0,1\n");
        UciRecord r = UciRecord.read(file).get(0);
        assertEquals(1, r.id());
        assertEquals(20000, r.limit());
        assertArrayEquals(new int[] {-2, -2, -1, -1, 2, 2}, r.status(), "April first, September (PAY_0) last");
        assertArrayEquals(new long[] {0, 0, 0, 689, 3102, 3913}, r.bill());
        assertArrayEquals(new long[] {0, 0, 0, 0, 689, 0}, r.paid());
        assertEquals(60, r.daysPastDue(5));
        assertEquals(0, r.daysPastDue(0), "-2 is not delinquent");
        assertTrue(r.defaulted());
    }

    @Test
    void refusesAFileThatIsNotTheDataSet() throws Exception {
        Path file = dir.resolve("other.csv");
        Files.writeString(file, "a,b,c\n1,2,3\n");
        assertThrows(IllegalArgumentException.class, () -> UciRecord.read(file));
    }

    @Test
    void optionsNeedSeedAndOut() throws Exception {
        Path file = dir.resolve("uci.csv");
        Files.writeString(file, UciRecord.HEADER + "\n");
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {file.toString(), "--out", "x.csv"}));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {file.toString(), "--split-seed", "1"}));
        Options o = Options.parse(new String[] {file.toString(), "--split-seed", "3", "--out", "x.csv", "--kafka", "h:1"});
        assertEquals(3, o.splitSeed());
        assertEquals("h:1", o.kafka());
    }
}
