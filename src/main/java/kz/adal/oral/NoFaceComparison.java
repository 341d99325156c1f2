package kz.adal.oral;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/** Used while no vision-backed {@link FaceComparison} exists: the ID document is checked by hand. */
@DefaultBean
@ApplicationScoped
public class NoFaceComparison implements FaceComparison {
    @Override
    public Optional<String> compare(UUID studentId, byte[] jpeg) {
        return Optional.empty();
    }
}
