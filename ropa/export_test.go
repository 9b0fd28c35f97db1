package ropa

// RequirePlanAgrees is requirePlanAgrees, for the tests of package ropa_test,
// which may import the example and synthetic registers.
var RequirePlanAgrees = requirePlanAgrees
