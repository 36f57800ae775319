import FluentKit

enum TsunaguMigrations {
    /// In the order they must run.
    static let all: [any Migration] = [
        CreateTenant(),
        CreateUser(),
        CreateCustomer(),
        CreateCallList(),
        CreateAgentWork(),
        CreateCallAttempt(),
        AddUserSessionVersion(),
        CreatePasswordResetKey(),
        AddTenantCarrierRules(),
        AddCallLogIndexes(),
        AddTenantSIPTrunk(),
        AddCustomerTextSearch(),
        AddCustomerPageIndexes(),
        CreateDialBar(),
        AddDialBarPageIndexes(),
        AddCallListRules(),
        AddEntryLimitReached(),
        CreateCallback(),
        AddClaimIndexes(),
        CreateAgentStateChange(),
        CreateReportRollups(),
        CreateDailyReportRollups(),
        CreateInstances(),
    ]
}
