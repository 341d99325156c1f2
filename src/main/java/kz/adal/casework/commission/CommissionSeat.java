package kz.adal.casework.commission;

/** A seat on a test exam's commission (exam_commission_member.role); pages compare with web/js/states.js {@code CommissionSeat}. */
public enum CommissionSeat { CHAIR, MEMBER, SECRETARY }
