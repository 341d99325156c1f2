package kz.adal.casework.commission;

import java.util.UUID;

/**
 * Whether an exam's commission is voting on one of the exam's acts: it can't change until the act is decided. The
 * acts answer it ({@code casework.ActHooks}); the commission knows nothing of acts.
 */
public interface CommissionVoting {

    boolean votingOn(UUID examId);
}
