package kz.adal.lti;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A Moodle activity that opens an Adal exam, as its launches describe it: the gradebook column (AGS line item) scores
 * go to, and the course roster (NRPS) admission is fed from. Updated by every launch.
 */
@Entity
@Table(name = "lti_resource_link")
class LtiResourceLink extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "platform_id", nullable = false)
    public UUID platformId;

    @Column(name = "deployment_id", nullable = false)
    public String deploymentId;

    @Column(name = "resource_link_id", nullable = false)
    public String resourceLinkId;

    @Column(name = "context_id")
    public String contextId;

    @Column(name = "context_title")
    public String contextTitle;

    @Column(name = "exam_id", nullable = false)
    public UUID examId;

    @Column(name = "lineitem_url")
    public String lineitemUrl;

    @Column(name = "memberships_url")
    public String membershipsUrl;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
