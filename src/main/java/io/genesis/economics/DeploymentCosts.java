package io.genesis.economics;

import jakarta.enterprise.context.ApplicationScoped;

/** {@code GenesisMetaAgent._calculate_deployment_costs} of the Genesis code. */
@ApplicationScoped
public class DeploymentCosts {

    public static final int TOKENS_PER_TASK = 500;
    public static final double USD_PER_MILLION_TOKENS = 3.0;
    public static final double USD_PER_AGENT = 0.05;
    public static final double VERCEL_DEPLOYMENT_USD = 0.65;
    public static final double STRIPE_USD = 0.0;
    public static final double BASELINE_MONTHLY_REVENUE_USD = 750;
    public static final int DAYS_PER_MONTH = 30;

    public DeploymentCost calculate(int taskCount, int teamSize, boolean deployed) {
        if (taskCount < 0 || teamSize < 0) {
            throw new IllegalArgumentException("task count and team size must be >= 0");
        }
        double llm = taskCount * TOKENS_PER_TASK / 1e6 * USD_PER_MILLION_TOKENS;
        double agents = teamSize * USD_PER_AGENT;
        double vercel = deployed ? VERCEL_DEPLOYMENT_USD : 0.0;
        double total = llm + agents + vercel + STRIPE_USD;
        int payback = Math.max(1, (int) (total / BASELINE_MONTHLY_REVENUE_USD * DAYS_PER_MONTH));
        return new DeploymentCost(llm, agents, vercel, STRIPE_USD, total, payback);
    }
}
