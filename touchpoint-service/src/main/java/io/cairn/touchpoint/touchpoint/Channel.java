package io.cairn.touchpoint.touchpoint;

/** Where the customer meets the company at a touchpoint. */
public enum Channel { WEB, MOBILE_APP, EMAIL, PHONE, CHAT, STORE, SOCIAL, FIELD_SERVICE, OTHER }
