package com.lendkeep.customer.api;

import java.util.List;
import java.util.UUID;

/**
 * @param nextAfter pass as {@code after} to read the next page by keyset; null on the last page
 */
public record PageResponse<T>(List<T> items, int page, int size, long total, UUID nextAfter) {
}
