package org.qibao.timebank;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.qibao.shared.AdministrativeAction;
import org.qibao.shared.BusinessRuleException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Community-school courses and enrolments. The course row is locked before the accounts, so
 * its seats are sold one at a time and the last one only once.
 */
@Service
public class Courses {

	private static final String COURSE = """
			SELECT c.id, c.school_id, s.community_id, c.title, c.starts_at, c.seats, c.seats - c.seats_taken AS seats_left,
			       c.price_minutes
			FROM course c JOIN school s ON s.id = c.school_id""";

	private static final String ENROLMENT = """
			SELECT e.id, e.course_id, e.account_id, e.transfer_id, e.enrolled_at, e.cancelled_at,
			       (e.cancelled_at IS NULL AND c.starts_at > now()) AS cancellable
			FROM enrolment e JOIN course c ON c.id = e.course_id""";

	private final JdbcClient jdbc;

	private final Ledger ledger;

	private final ApplicationEventPublisher events;

	Courses(JdbcClient jdbc, Ledger ledger, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.events = events;
	}

	/** An administrator's new course, published for the audit log in the same transaction. */
	@Transactional
	Course createBy(long actorId, long schoolId, String title, Instant startsAt, int seats, int priceMinutes) {
		Course course = create(schoolId, title, startsAt, seats, priceMinutes);
		Map<String, Object> after = new java.util.LinkedHashMap<>();
		after.put("school", schoolId);
		after.put("title", course.title());
		after.put("startsAt", course.startsAt().toString());
		after.put("seats", course.seats());
		after.put("priceMinutes", course.priceMinutes());
		this.events.publishEvent(new AdministrativeAction(actorId, course.communityId(), "timebank.courseCreate", "Course",
				course.id(), Map.of(), after));
		return course;
	}

	@Transactional
	public Course create(long schoolId, String title, Instant startsAt, int seats, int priceMinutes) {
		if (title == null || title.isBlank() || title.trim().length() > 80) {
			throw new BusinessRuleException("INVALID_INPUT", "title");
		}
		if (seats < 1 || seats > 500) {
			throw new BusinessRuleException("INVALID_INPUT", "seats");
		}
		if (priceMinutes < 1 || priceMinutes > 6000) {
			throw new BusinessRuleException("INVALID_AMOUNT", "priceMinutes");
		}
		long id = this.jdbc.sql("INSERT INTO course (school_id, title, starts_at, seats, price_minutes) VALUES (?, ?, ?, ?, ?) RETURNING id")
			.params(schoolId, title.trim(), java.sql.Timestamp.from(startsAt), seats, priceMinutes)
			.query(Long.class)
			.single();
		return findAll(List.of(id)).get(id);
	}

	public Map<Long, Course> findAll(Collection<Long> ids) {
		return this.jdbc.sql(COURSE + " WHERE c.id = ANY(?)")
			.param(ids.toArray(Long[]::new))
			.query(Courses::course)
			.list()
			.stream()
			.collect(Collectors.toMap(Course::id, Function.identity()));
	}

	/** The schools' courses that have not started yet, soonest first. */
	List<Course> upcoming(Collection<Long> schoolIds) {
		return this.jdbc.sql(COURSE + " WHERE c.school_id = ANY(?) AND c.starts_at > now() ORDER BY c.starts_at, c.id")
			.param(schoolIds.toArray(Long[]::new))
			.query(Courses::course)
			.list();
	}

	@Transactional
	Enrolment enrol(long accountId, long courseId, String idempotencyKey) {
		Course course = lock(courseId);
		long passbook = this.ledger.open(AccountRef.passbook(course.communityId(), accountId));
		long school = this.ledger.open(AccountRef.school(course.communityId(), course.schoolId()));
		this.ledger.lock(passbook, school);
		TransferRequest payment = TransferRequest.of(TransferKind.SCHOOL_ENROLMENT, passbook, school,
				course.priceMinutes(), "course:" + courseId, accountId, idempotencyKey);
		Optional<Transfer> earlier = this.ledger.replay(payment);
		if (earlier.isPresent()) {
			return enrolmentPaidBy(earlier.get().id());
		}
		if (!course.startsAt().isAfter(Instant.now())) {
			throw new BusinessRuleException("COURSE_STARTED", "courseId");
		}
		if (activeEnrolment(accountId, courseId).isPresent()) {
			throw new BusinessRuleException("ALREADY_ENROLLED", "courseId");
		}
		if (course.seatsLeft() <= 0) {
			throw new BusinessRuleException("COURSE_FULL", "courseId");
		}
		Transfer paid = this.ledger.post(payment);
		this.jdbc.sql("UPDATE course SET seats_taken = seats_taken + 1 WHERE id = ?").param(courseId).update();
		this.jdbc.sql("INSERT INTO enrolment (course_id, account_id, transfer_id) VALUES (?, ?, ?)")
			.params(courseId, accountId, paid.id())
			.update();
		return enrolmentPaidBy(paid.id());
	}

	/** Cancels the person's enrolment before the course starts, refunding it by reversal. */
	@Transactional
	Enrolment cancel(long accountId, long courseId, String idempotencyKey) {
		Course course = lock(courseId);
		Optional<Enrolment> refunded = refundedBy(idempotencyKey);
		if (refunded.isPresent()) {
			if (refunded.get().accountId() != accountId || refunded.get().courseId() != courseId) {
				throw new BusinessRuleException("IDEMPOTENCY_KEY_REUSED", "idempotencyKey");
			}
			return refunded.get();
		}
		Enrolment enrolment = activeEnrolment(accountId, courseId)
			.orElseThrow(() -> new BusinessRuleException("NOT_ENROLLED", "courseId"));
		if (!course.startsAt().isAfter(Instant.now())) {
			throw new BusinessRuleException("COURSE_STARTED", "courseId");
		}
		Transfer refund = this.ledger.reverse(this.ledger.transfer(enrolment.transferId()).orElseThrow(), idempotencyKey,
				accountId);
		this.jdbc.sql("UPDATE enrolment SET cancelled_at = now(), refund_transfer_id = ? WHERE id = ?")
			.params(refund.id(), enrolment.id())
			.update();
		this.jdbc.sql("UPDATE course SET seats_taken = seats_taken - 1 WHERE id = ?").param(courseId).update();
		return enrolmentPaidBy(enrolment.transferId());
	}

	/** Each course's standing enrolment of the person, by course. */
	Map<Long, Enrolment> enrolmentsOf(long accountId, Collection<Long> courseIds) {
		return this.jdbc.sql(ENROLMENT + " WHERE e.account_id = ? AND e.course_id = ANY(?) AND e.cancelled_at IS NULL")
			.params(accountId, courseIds.toArray(Long[]::new))
			.query(Courses::enrolment)
			.list()
			.stream()
			.collect(Collectors.toMap(Enrolment::courseId, Function.identity()));
	}

	private Course lock(long courseId) {
		this.jdbc.sql("SELECT id FROM course WHERE id = ? FOR UPDATE")
			.param(courseId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new BusinessRuleException("NOT_FOUND", "courseId"));
		return findAll(List.of(courseId)).get(courseId);
	}

	private Optional<Enrolment> activeEnrolment(long accountId, long courseId) {
		return Optional.ofNullable(enrolmentsOf(accountId, List.of(courseId)).get(courseId));
	}

	private Enrolment enrolmentPaidBy(long transferId) {
		return this.jdbc.sql(ENROLMENT + " WHERE e.transfer_id = ?")
			.param(transferId)
			.query(Courses::enrolment)
			.optional()
			.orElseThrow(() -> new BusinessRuleException("IDEMPOTENCY_KEY_REUSED", "idempotencyKey"));
	}

	private Optional<Enrolment> refundedBy(String idempotencyKey) {
		return this.jdbc.sql(ENROLMENT + " JOIN ledger_transfer t ON t.id = e.refund_transfer_id WHERE t.idempotency_key = ?")
			.param(idempotencyKey)
			.query(Courses::enrolment)
			.optional()
			.or(() -> {
				if (this.ledger.transferByKey(idempotencyKey).isPresent()) {
					throw new BusinessRuleException("IDEMPOTENCY_KEY_REUSED", "idempotencyKey");
				}
				return Optional.empty();
			});
	}

	private static Course course(ResultSet rs, int row) throws SQLException {
		return new Course(rs.getLong("id"), rs.getLong("school_id"), rs.getLong("community_id"), rs.getString("title"),
				rs.getTimestamp("starts_at").toInstant(), rs.getInt("seats"), rs.getInt("seats_left"),
				rs.getInt("price_minutes"));
	}

	private static Enrolment enrolment(ResultSet rs, int row) throws SQLException {
		java.sql.Timestamp cancelled = rs.getTimestamp("cancelled_at");
		return new Enrolment(rs.getLong("id"), rs.getLong("course_id"), rs.getLong("account_id"), rs.getLong("transfer_id"),
				rs.getTimestamp("enrolled_at").toInstant(), cancelled == null ? null : cancelled.toInstant(),
				rs.getBoolean("cancellable"));
	}

}
