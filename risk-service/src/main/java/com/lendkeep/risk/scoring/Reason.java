package com.lendkeep.risk.scoring;

/** One feature's share of a score: its code, its weight times its value, and the sentence for people. */
public record Reason(String code, double contribution, String text) {
}
