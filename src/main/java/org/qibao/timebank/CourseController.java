package org.qibao.timebank;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.qibao.identity.Actor;
import org.qibao.identity.Role;
import org.qibao.shared.BusinessRuleException;
import org.qibao.shared.GlobalId;
import org.qibao.shared.UserError;
import org.qibao.shared.UserErrors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;

@Controller
class CourseController {

	private final Courses courses;

	private final Schools schools;

	private final Passbooks passbooks;

	private final UserErrors userErrors;

	private final java.time.Clock clock;

	CourseController(Courses courses, Schools schools, Passbooks passbooks, UserErrors userErrors, java.time.Clock clock) {
		this.clock = clock;
		this.courses = courses;
		this.schools = schools;
		this.passbooks = passbooks;
		this.userErrors = userErrors;
	}

	@BatchMapping(typeName = "School")
	Map<School, List<Course>> courses(List<School> schools) {
		Map<Long, List<Course>> bySchool = this.courses.upcoming(PassbookController.ids(schools, School::id))
			.stream()
			.collect(Collectors.groupingBy(Course::schoolId));
		return PassbookController.by(schools, s -> bySchool.getOrDefault(s.id(), List.of()));
	}

	@BatchMapping(typeName = "Course")
	Map<Course, School> school(List<Course> courses) {
		Map<Long, School> schools = this.schools.findAll(PassbookController.ids(courses, Course::schoolId));
		return PassbookController.by(courses, c -> schools.get(c.schoolId()));
	}

	@BatchMapping(typeName = "Course")
	Map<Course, Enrolment> myEnrolment(List<Course> courses, Principal principal) {
		if (!(principal instanceof Authentication authentication) || !(authentication.getPrincipal() instanceof Actor actor)) {
			return Map.of();
		}
		Map<Long, Enrolment> mine = this.courses.enrolmentsOf(actor.accountId(), PassbookController.ids(courses, Course::id));
		return courses.stream().filter(c -> mine.containsKey(c.id())).collect(Collectors.toMap(c -> c, c -> mine.get(c.id())));
	}

	@BatchMapping(typeName = "Enrolment")
	Map<Enrolment, Course> course(List<Enrolment> enrolments) {
		Map<Long, Course> courses = this.courses.findAll(PassbookController.ids(enrolments, Enrolment::courseId));
		return PassbookController.by(enrolments, e -> courses.get(e.courseId()));
	}

	@MutationMapping
	CourseCreatePayload courseCreate(@Argument CourseCreateInput input, Actor actor, Locale locale) {
		Actor signedIn = Actor.signedIn(actor);
		long schoolId = GlobalId.keyOf(input.schoolId(), "School");
		School school = this.schools.findAll(List.of(schoolId)).get(schoolId);
		if (school == null) {
			throw new org.springframework.security.access.AccessDeniedException("Not allowed");
		}
		signedIn.require(Role.ADMINISTRATOR, school.communityId());
		try {
			if (input.startsAt() == null || !input.startsAt().isAfter(this.clock.instant())) {
				throw new BusinessRuleException("COURSE_IN_PAST", "startsAt");
			}
			return new CourseCreatePayload(this.courses.createBy(signedIn.accountId(), schoolId, input.title(), input.startsAt(), input.seats(),
					input.priceMinutes()), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new CourseCreatePayload(null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	@MutationMapping
	EnrolmentPayload courseEnroll(@Argument EnrolmentInput input, Actor actor, Locale locale) {
		Course course = volunteersCourse(input.courseId(), actor);
		if (course == null) {
			return new EnrolmentPayload(null, null, List.of(this.userErrors.onField("NOT_FOUND", locale, "courseId")));
		}
		return attempt(course, actor, locale,
				() -> this.courses.enrol(actor.accountId(), course.id(), VolunteerContext.idempotencyKey(actor, input.idempotencyKey())));
	}

	@MutationMapping
	EnrolmentPayload courseEnrolmentCancel(@Argument EnrolmentInput input, Actor actor,
			Locale locale) {
		Course course = volunteersCourse(input.courseId(), actor);
		if (course == null) {
			return new EnrolmentPayload(null, null, List.of(this.userErrors.onField("NOT_FOUND", locale, "courseId")));
		}
		return attempt(course, actor, locale,
				() -> this.courses.cancel(actor.accountId(), course.id(), VolunteerContext.idempotencyKey(actor, input.idempotencyKey())));
	}

	/** The course, when the signed-in person volunteers in its community; null when there is no such course. */
	private Course volunteersCourse(String courseId, Actor actor) {
		Actor signedIn = Actor.signedIn(actor);
		long id = GlobalId.keyOf(courseId, "Course");
		Course course = this.courses.findAll(List.of(id)).get(id);
		if (course != null) {
			signedIn.require(Role.VOLUNTEER, course.communityId());
		}
		return course;
	}

	private EnrolmentPayload attempt(Course course, Actor actor, Locale locale, Supplier<Enrolment> change) {
		try {
			Enrolment enrolment = change.get();
			return new EnrolmentPayload(enrolment, this.passbooks.of(course.communityId(), actor.accountId()), List.of());
		}
		catch (BusinessRuleException refusal) {
			return new EnrolmentPayload(null, null, List.of(this.userErrors.of(refusal, locale)));
		}
	}

	record CourseCreateInput(String schoolId, String title, Instant startsAt, int seats, int priceMinutes) {
	}

	record CourseCreatePayload(Course course, List<UserError> userErrors) {
	}

	record EnrolmentInput(String courseId, String idempotencyKey) {
	}

	/** The payload of enrolling and of cancelling: the enrolment and the passbook after it. */
	record EnrolmentPayload(Enrolment enrolment, Passbook passbook, List<UserError> userErrors) {
	}

}
