package io.cairn.journey.journey;

/** Lifecycle of a journey map. */
public enum JourneyStatus { DRAFT, PUBLISHED, ARCHIVED }
