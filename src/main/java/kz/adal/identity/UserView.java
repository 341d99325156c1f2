package kz.adal.identity;

import java.util.List;
import java.util.UUID;

public record UserView(UUID id, String login, String fullName, String email, String state, List<String> roles,
                       String groupCode, String programme, String instructionLanguage, String uiLanguage,
                       boolean curriculumCompleted, boolean masterApplicant) {
    public static UserView of(AppUser u) {
        return new UserView(u.id, u.login, u.fullName, u.email, u.state.name(),
                u.roles.stream().map(Enum::name).sorted().toList(), u.groupCode, u.programme,
                u.instructionLanguage, u.uiLanguage, u.curriculumCompleted, u.masterApplicant);
    }
}
