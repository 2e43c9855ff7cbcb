package org.huzhu.ledger; final class Placeholder {}
