import CloudFormation
import PipegenConfig

/// What pipegen uses that AWS does not offer in every partition or region, beyond a resource
/// type as such (which `RegionChecks` reads from `RegionalAvailability`): one table, which the
/// checks, their help and the random config generator all ask.
///
/// Checked against the documentation of each service pipegen uses, as of cfn-lint 1.51.0's
/// schemas: CodePipeline, CodeBuild, CodeCommit, CodeConnections, CodeDeploy, CloudFormation,
/// ECR (with replication), KMS (multi-Region keys: `AWS::KMS::ReplicaKey`), S3, SNS,
/// EventBridge, Lambda and CloudWatch Logs are in every region pipegen knows except where the
/// registry lacks their resource types, with these further differences that matter here:
/// - CodeConnections is missing from the China Regions, GovCloud (US-West) and several
///   commercial regions, whether the tooling template creates the connection or the config
///   names one: a pipeline's source action uses the service either way.
/// - CodeCommit is missing from several commercial regions (none of China's or GovCloud's).
/// - GovCloud offers no 2xlarge CodeBuild compute type ("The 2xlarge compute type is not
///   available in the AWS GovCloud (US) Regions").
/// The rest of the documented differences touch nothing pipegen writes: no SMS or mobile push
/// in China's SNS (pipegen subscribes e-mail addresses), no CodeStar Notifications in China
/// (pipegen's notifications are EventBridge rules), no ARM, GPU or Windows CodeBuild images in
/// GovCloud (pipegen builds on Linux x86 containers). The China guide's CodeBuild page still
/// says CodePipeline is not offered there; CloudFormation's registry (cfn-lint's schemas for
/// cn-north-1 and cn-northwest-1) offers `AWS::CodePipeline::Pipeline`, which pipegen follows.
/// [AWS CodeBuild in AWS GovCloud (US)](https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-acb.html),
/// [Amazon SNS in China](https://docs.amazonaws.cn/en_us/aws/latest/userguide/sns.html),
/// [AWS CodeCommit in China](https://docs.amazonaws.cn/en_us/aws/latest/userguide/codecommit.html),
/// [AWS CodeBuild in China](https://docs.amazonaws.cn/en_us/aws/latest/userguide/codebuild.html)
enum RegionalFeature: Sendable, Equatable {
    /// CodeConnections: a source read through a connection to GitHub, Bitbucket or GitLab.
    case codeConnections
    /// CodeCommit: a source in a repository the tooling template creates.
    case codeCommit
    /// A CodeBuild compute type.
    case computeType(String)

    /// The name users know it by, for messages.
    var name: String {
        switch self {
        case .codeConnections: return "CodeConnections"
        case .codeCommit: return "CodeCommit"
        case .computeType(let type): return "CodeBuild compute type \(type)"
        }
    }

    /// True when `region` offers it (regions pipegen does not know are assumed to).
    func isOffered(in region: String) -> Bool {
        switch self {
        case .codeConnections: return RegionalAvailability.offers(CodeStarConnections.Connection.typeName, in: region)
        case .codeCommit: return RegionalAvailability.offers(CodeCommit.Repository.typeName, in: region)
        case .computeType(let type):
            return !(type == "BUILD_GENERAL1_2XLARGE" && Region.partition(of: region) == .awsUsGov)
        }
    }

    /// The regions of `partition` that offer it.
    func regions(of partition: Partition) -> [String] {
        Region.all.filter { Region.partition(of: $0) == partition && isOffered(in: $0) }
    }

    /// The source feature a source needs.
    static func source(_ source: Source) -> RegionalFeature { source.isCodeCommit ? .codeCommit : .codeConnections }
}
