package org.huzhu.ledger.cli; final class Placeholder {}
