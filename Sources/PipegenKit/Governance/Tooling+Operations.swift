import CloudFormation
import PipegenConfig

extension ToolingBuilder {
    /// The administration of the artifact key (and each replica) by the configured principals:
    /// everything an administrator does to a key, and nothing that uses it. Left out on
    /// purpose: encrypting, decrypting, generating data keys, re-encrypting, and creating
    /// grants (a grant is how a principal gives itself use of a key). An administrator may
    /// still change the key policy (`PutKeyPolicy`), as AWS's own key administrators may;
    /// CloudTrail records it.
    /// [Key administrators](https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-administrators)
    var keyAdministration: [IAM.Statement] {
        let administrators = config.operations.keyAdministrators
        guard !administrators.isEmpty else { return [] }
        return [
            IAM.Statement(
                sid: "KeyAdministrators", principal: .aws(administrators.map { .string($0.value) }),
                actions: [
                    "kms:CancelKeyDeletion", "kms:DescribeKey", "kms:DisableKey", "kms:DisableKeyRotation", "kms:EnableKey",
                    "kms:EnableKeyRotation", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListGrants",
                    "kms:ListKeyPolicies", "kms:ListResourceTags", "kms:PutKeyPolicy", "kms:ReplicateKey", "kms:RetireGrant",
                    "kms:RevokeGrant", "kms:RotateKeyOnDemand", "kms:ScheduleKeyDeletion", "kms:TagResource", "kms:UntagResource",
                    "kms:UpdateKeyDescription", "kms:UpdatePrimaryRegion",
                ],
                resources: ["*"])
        ]
    }
}
