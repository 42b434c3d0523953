package com.lendkeep.customer.domain;

public enum CollateralType {
    REAL_ESTATE, VEHICLE, EQUIPMENT, INVENTORY, RECEIVABLES, SECURITIES, CASH_DEPOSIT, GUARANTEE, OTHER
}
