package kz.adal.vision;

/**
 * Head orientation in degrees. Yaw turns left/right, pitch nods up/down, roll tilts towards a
 * shoulder; 0/0/0 faces the camera. The model's range is about ±99°.
 */
public record HeadPose(double yaw, double pitch, double roll) {
}
