package io.genesis.economics;

/**
 * What deploying one business cost, in USD, as {@code _calculate_deployment_costs} reports it.
 *
 * @param llm         LLM tokens: tasks * 500 tokens at $3 per million
 * @param agents      $0.05 per agent on the team
 * @param vercel      $0.65 when deployed, else 0
 * @param stripe      always 0 (test mode)
 * @param total       the sum
 * @param paybackDays {@code max(1, int(total / 750 * 30))}: days of baseline revenue ($750/month) to recover it
 */
public record DeploymentCost(double llm, double agents, double vercel, double stripe, double total, int paybackDays) {
}
