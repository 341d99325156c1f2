package kz.adal.oral;

/** What a person is in one sitting: the room page adapts to it. */
public enum SittingRole {
    CHAIR, MEMBER, SECRETARY, HEAD, STUDENT;

    public boolean isCommission() { return this == CHAIR || this == MEMBER || this == SECRETARY; }
}
