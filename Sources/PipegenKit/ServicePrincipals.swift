import PipegenConfig

/// The AWS services pipegen names in policies: as the principal of a trust, key, bucket or
/// topic policy or a Lambda permission, in `iam:PassedToService`, or (by endpoint) in
/// `kms:ViaService`. Every such name in a template comes from `Names.principal(_:)` (or
/// `logsPrincipal(region:)`, `endpoint(_:region:)`), so a partition's differences live in
/// this one table; `ServicePrincipalTests` fails on a principal written anywhere else.
public enum AWSService: String, CaseIterable, Sendable {
    case cloudformation
    case codebuild
    case codedeploy
    case codepipeline
    case ecsTasks = "ecs-tasks"
    case events
    case lambda
    case logs
    case s3
    case sns

    /// The domain of the service's principal in `partition`.
    ///
    /// AWS documents service principals as `<service>.amazonaws.com`, and the AWS CDK now
    /// holds that form correct in every partition ("these days all service principal names
    /// are standardized, and they are all of the form `<servicename>.amazonaws.com`"). The
    /// China Regions' own guide says only that "service principal values vary by Region",
    /// without a list. The one published list of the exceptions, the AWS CDK's region data
    /// (`region-info`, `Default.servicePrincipal`), which the Terraform AWS provider's
    /// `aws_service_principal` copies, names CloudWatch Logs and CodeDeploy (and EMR, which
    /// pipegen does not use) as `amazonaws.com.cn` principals in the China Regions, and no
    /// exception in GovCloud. pipegen follows that list; the documentation is unclear for these
    /// two, and a wrong principal is refused by IAM when the stack is created ("Invalid
    /// principal in policy"), never silently. Every other service keeps `amazonaws.com`.
    /// [General information about AWS in China](https://docs.amazonaws.cn/en_us/aws/latest/userguide/general-info.html),
    /// [AWS service principals](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-services),
    /// [ServicePrincipal (AWS CDK)](https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_iam.ServicePrincipal.html)
    func principalDomain(_ partition: Partition) -> String {
        switch (self, partition) {
        case (.logs, .awsCn), (.codedeploy, .awsCn): return partition.dnsSuffix
        default: return "amazonaws.com"
        }
    }
}

extension Partition {
    /// The domain of the partition's service endpoints.
    /// [Endpoints and ARNs for AWS in China](https://docs.amazonaws.cn/en_us/general/latest/gr/endpoints-arns.html)
    public var dnsSuffix: String {
        switch self {
        case .aws, .awsUsGov: return "amazonaws.com"
        case .awsCn: return "amazonaws.com.cn"
        }
    }
}

extension Names {
    /// The partition of every account and region of the config.
    public var partition: Partition { Region.partition(of: toolingRegion) }

    /// The principal of `service` in the config's partition, such as `codebuild.amazonaws.com`.
    public func principal(_ service: AWSService) -> String {
        "\(service.rawValue).\(service.principalDomain(partition))"
    }

    /// CloudWatch Logs' regional principal (a key policy that lets it encrypt log groups names
    /// the region's): `logs.<region>.amazonaws.com`, `region` as text (`${AWS::Region}` in an
    /// `Fn::Sub`).
    /// [Encrypt log data with AWS KMS](https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html)
    public func logsPrincipal(region: String) -> String {
        "\(AWSService.logs.rawValue).\(region).\(AWSService.logs.principalDomain(partition))"
    }

    /// The endpoint of `service` in `region`, as `kms:ViaService` names the service that
    /// called KMS on a principal's behalf (`s3.eu-west-1.amazonaws.com`).
    /// [kms:ViaService](https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service)
    public func endpoint(_ service: AWSService, region: String) -> String {
        "\(service.rawValue).\(region).\(partition.dnsSuffix)"
    }
}

extension AWSService {
    /// True when `principal` is a service's principal in some partition (`sns.amazonaws.com`,
    /// `logs.amazonaws.com.cn`), not an account, role or user.
    public static func isPrincipal(_ principal: String) -> Bool {
        Partition.allCases.contains { principal.hasSuffix(".\($0.dnsSuffix)") }
    }
}
