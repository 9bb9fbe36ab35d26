package org.metroledger.chaincode.registry;

import org.metroledger.chaincode.error.Fail;

/** The unified social credit code (统一社会信用代码) of GB 32100-2015, with its check character. */
public final class CreditCode {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int LENGTH = 18;

    private CreditCode() {}

    /** The check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("character " + first17.charAt(i) + " is not allowed");
            }
            sum += value * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check);
    }

    /** Returns the code if valid; INVALID_ARGUMENT naming the field otherwise. */
    public static String validate(String field, String code) {
        if (code == null) {
            throw Fail.invalid(field, "is required");
        }
        if (code.length() != LENGTH) {
            throw Fail.invalid(
                    field, "must be an 18-character unified social credit code (got " + code.length() + " characters)");
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                throw Fail.invalid(
                        field,
                        "has character '" + code.charAt(i) + "' at position " + (i + 1)
                                + ", not allowed in a credit code");
            }
        }
        char expected = checkCharacter(code.substring(0, LENGTH - 1));
        if (code.charAt(LENGTH - 1) != expected) {
            throw Fail.invalid(
                    field, "check character is '" + code.charAt(LENGTH - 1) + "' but must be '" + expected + "'");
        }
        return code;
    }
}
