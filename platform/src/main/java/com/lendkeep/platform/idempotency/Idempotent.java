package com.lendkeep.platform.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * The POST methods of the annotated resource honour the {@code Idempotency-Key} header (see
 * {@link IdempotencyInterceptor}). The service supplies the {@code idempotency_key} table in its
 * own schema with a Flyway migration (the columns of loan-service's V2).
 */
@InterceptorBinding
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {
}
