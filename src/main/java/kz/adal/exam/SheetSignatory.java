package kz.adal.exam;

/** Who signs an extension application, in this order (001 §5.34). */
public enum SheetSignatory {
    DEAN,
    ACADEMIC_POLICY_DIRECTOR,
    ACADEMIC_VICE_RECTOR
}
