package kz.adal.casework.calendar;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kz.adal.identity.CurrentUser;
import kz.adal.identity.Role;

import java.time.LocalDate;
import java.util.List;

/** The working calendar: everyone signed in may read it (deadlines are shown from it); the system admin edits it. */
@Path("/api")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CalendarResource {

    public record YearsRequest(List<CalendarService.DayInput> days) {}

    private final CalendarService calendar;
    private final CurrentUser me;

    CalendarResource(CalendarService calendar, CurrentUser me) {
        this.calendar = calendar;
        this.me = me;
    }

    @GET
    @Path("/calendar")
    public List<Integer> years() {
        return calendar.years();
    }

    @GET
    @Path("/calendar/{year}")
    public CalendarService.YearView year(@PathParam("year") int year) {
        return calendar.year(year);
    }

    @PUT
    @Path("/calendar/{year}")
    @RolesAllowed(Role.Names.SYSTEM_ADMIN)
    public CalendarService.YearView replace(@PathParam("year") int year, YearsRequest body) {
        return calendar.replace(year, body == null ? null : body.days(), me.id());
    }

    @POST
    @Path("/calendar/{year}/days")
    @RolesAllowed(Role.Names.SYSTEM_ADMIN)
    public CalendarService.YearView add(@PathParam("year") int year, CalendarService.DayInput day) {
        return calendar.add(year, day, me.id());
    }

    @DELETE
    @Path("/calendar/{year}/days/{date}")
    @RolesAllowed(Role.Names.SYSTEM_ADMIN)
    public CalendarService.YearView remove(@PathParam("year") int year, @PathParam("date") String date) {
        LocalDate d;
        try {
            d = LocalDate.parse(date);
        } catch (RuntimeException e) {
            throw kz.adal.platform.Problem.badRequest("CALENDAR_DATE_INVALID", "Dates are written YYYY-MM-DD.");
        }
        return calendar.remove(year, d, me.id());
    }
}
