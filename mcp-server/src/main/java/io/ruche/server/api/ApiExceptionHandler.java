package io.ruche.server.api;

import io.ruche.brain.configuration.InvalidConfigurationException;
import io.ruche.brain.configuration.UnknownObjectException;
import io.ruche.kernel.store.StoreConflictException;
import io.ruche.kernel.store.StoreUnavailableException;
import io.ruche.server.security.AccessDeniedException;
import io.ruche.server.wire.InvalidArgumentsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps the failures thrown by the core and the controllers to RFC 9457 problem details;
 * never a stack trace. Expected outcomes returned as values are mapped by the controller
 * that receives them ({@link TurnProblems}).
 */
@RestControllerAdvice
public class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler({ InvalidArgumentsException.class, InvalidConfigurationException.class })
	public ProblemDetail badRequest(RuntimeException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	// The caller's mistakes are InvalidArgumentsException; a bare one is a bug.
	@ExceptionHandler(IllegalArgumentException.class)
	public ProblemDetail bug(IllegalArgumentException ex) {
		log.error("Request failed unexpectedly", ex);
		return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Internal error; it was logged. Retry or report it.");
	}

	@ExceptionHandler(AccessDeniedException.class)
	public ProblemDetail forbidden(AccessDeniedException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
	}

	@ExceptionHandler(UnknownObjectException.class)
	public ProblemDetail notFound(UnknownObjectException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(PreconditionFailedException.class)
	public ProblemDetail preconditionFailed(PreconditionFailedException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, ex.getMessage());
	}

	@ExceptionHandler(StoreConflictException.class)
	public ProblemDetail conflict(StoreConflictException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler(StoreUnavailableException.class)
	public ProblemDetail unavailable(StoreUnavailableException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				StoreUnavailableException.RETRY_MESSAGE);
		problem.setProperty("retryable", true);
		return problem;
	}

	@ExceptionHandler(ToolController.ConfirmationRequiredException.class)
	public ProblemDetail confirmationRequired(ToolController.ConfirmationRequiredException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Confirmation required");
		problem.setProperty("requires_confirmation", true);
		return problem;
	}

}
