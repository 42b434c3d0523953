package com.lendkeep.loan.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * The POST methods of the annotated resource honour the {@code Idempotency-Key} header (see
 * {@link IdempotencyInterceptor}). They must return a {@code Response}.
 */
@InterceptorBinding
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {
}
