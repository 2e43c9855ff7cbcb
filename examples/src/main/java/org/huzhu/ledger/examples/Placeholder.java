package org.huzhu.ledger.examples; final class Placeholder {}
