package com.example.gateway.api;

/** A failure with a known problem answer; thrown by services, turned into problem+json by {@link ProblemMapper}. */
public class ApiProblem extends RuntimeException {

    private final Problem problem;

    public ApiProblem(Problem problem) {
        super(problem.code() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public static ApiProblem of(int status, String code, String title, String detail) {
        return new ApiProblem(Problem.of(status, code, title, detail));
    }

    public static ApiProblem paymentNotFound() {
        return of(404, "payment_not_found", "Payment not found", "No payment with this id for this client");
    }

    public static ApiProblem customerNotFound() {
        return of(404, "customer_not_found", "Customer not found", "No payment of this client names this customer");
    }

    public static ApiProblem tokenNotFound() {
        return of(404, "token_not_found", "Token not found", "The customer has no such token");
    }

    public Problem problem() {
        return problem;
    }
}
