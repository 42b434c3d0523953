package com.lendkeep.loan.domain;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "business_date")
public class BusinessDate {
    public static final int SINGLETON = 1;

    @Id
    public int id;
    @Column(name = "current_date_value")
    public LocalDate current;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
