package com.lendkeep.customer.api;

import java.util.List;

public record PageResponse<T>(List<T> items, int page, int size, long total) {
}
