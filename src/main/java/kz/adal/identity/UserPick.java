package kz.adal.identity;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.UUID;

/**
 * A person in a staff picker (experts, proctors, commission members): who they are and nothing more.
 * The full {@link UserView} (e-mail, programme, flags) is for the administrator only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserPick(UUID id, String login, String fullName, String state, List<String> roles,
                       String groupCode, String instructionLanguage, Boolean curriculumCompleted) {

    static UserPick of(AppUser u, boolean studentDetails) {
        boolean student = studentDetails && u.has(Role.STUDENT);
        return new UserPick(u.id, u.login, u.fullName, u.state.name(), u.roles.stream().map(Enum::name).sorted().toList(),
                student ? u.groupCode : null, student ? u.instructionLanguage : null, student ? u.curriculumCompleted : null);
    }
}
