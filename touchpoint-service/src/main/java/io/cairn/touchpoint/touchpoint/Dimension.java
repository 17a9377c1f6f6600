package io.cairn.touchpoint.touchpoint;

/** The CX dimension a touchpoint mostly speaks to. */
public enum Dimension { PRODUCT, SERVICE, RELATIONSHIP, CONVENIENCE, BRAND, PRICE }
