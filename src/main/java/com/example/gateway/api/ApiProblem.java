package com.example.gateway.api;

/** A failure of the API layer itself with a known problem answer, turned into problem+json by {@link ProblemMapper}. */
public class ApiProblem extends RuntimeException {

    private final Problem problem;

    public ApiProblem(Problem problem) {
        super(problem.code() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public static ApiProblem of(int status, String code, String title, String detail) {
        return new ApiProblem(Problem.of(status, code, title, detail));
    }

    public Problem problem() {
        return problem;
    }
}
