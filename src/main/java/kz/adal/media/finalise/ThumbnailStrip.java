package kz.adal.media.finalise;

import java.util.List;
import java.util.Locale;

/**
 * One sprite image of small frames taken every {@code intervalSeconds}, tiled left to right, top to
 * bottom in {@code columns} columns, and the index of where each frame sits.
 */
public record ThumbnailStrip(byte[] jpeg, int tileWidth, int tileHeight, int columns, double intervalSeconds,
                             List<Tile> tiles) {

    /**
     * @param seconds      the requested media time ({@code index × interval})
     * @param frameSeconds the time of the frame actually shown (after a gap: the first frame after it)
     */
    public record Tile(int index, double seconds, double frameSeconds, int x, int y) {
    }

    public int count() {
        return tiles.size();
    }

    /** The index as JSON, stored next to the sprite for the player. */
    public String indexJson() {
        StringBuilder json = new StringBuilder();
        json.append(String.format(Locale.ROOT,
                "{\"tileWidth\":%d,\"tileHeight\":%d,\"columns\":%d,\"intervalSeconds\":%s,\"tiles\":[",
                tileWidth, tileHeight, columns, num(intervalSeconds)));
        for (int i = 0; i < tiles.size(); i++) {
            Tile t = tiles.get(i);
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"index\":%d,\"seconds\":%s,\"frameSeconds\":%s,\"x\":%d,\"y\":%d}",
                    t.index(), num(t.seconds()), num(t.frameSeconds()), t.x(), t.y()));
        }
        return json.append("]}").toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
