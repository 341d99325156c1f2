package kz.adal.casework;

/**
 * A seat on an appeal commission (001 §6.15.4): the chair signs, the deputy chair signs while the chair is absent,
 * the members hear. A decision records which of the two signed (appeal.signed_as). Pages compare with
 * web/js/states.js {@code AppealSeat}.
 */
public enum AppealSeat {
    CHAIR,
    DEPUTY_CHAIR,
    MEMBER
}
