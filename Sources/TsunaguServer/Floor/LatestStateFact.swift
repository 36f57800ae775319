import SQLKit

/// The board, the reports and the start-up sign-out all need each user's latest state fact: `s`, joined to the
/// users `u`, by one seek per user on `agent_state_changes (tenant_id, user_id, at)`.
enum LatestStateFact {
    /// Follows `JOIN` or `LEFT JOIN` in a statement that reads `FROM users u`.
    static let joinedToUsers: SQLQueryString = """
        "agent_state_changes" s ON s."id" = (SELECT t."id" FROM "agent_state_changes" t \
        WHERE t."tenant_id" = u."tenant_id" AND t."user_id" = u."id" ORDER BY t."at" DESC LIMIT 1)
        """
}
