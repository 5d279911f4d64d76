import CloudFormation
import PipegenConfig
import YAMLKit

/// The calls of a build that its project's settings make, whatever its kind (docs/RUNTIME.md,
/// "Build settings"): CodeBuild, as the project's role, pulls an image of the user's
/// registry, creates the network interface of a VPC build, reads the parameters and secrets
/// of its variables, and reads and writes its S3 cache.
extension RuntimeCalls {
    static func settingsCalls(_ project: RuntimeScene.Project, cause: Mark?, origin: String, _ scene: RuntimeScene) -> [RuntimeCall] {
        let role = RuntimeCall.Caller.role(project.roleArn)
        let home = scene.home, account = scene.toolingAccount
        func call(_ actions: [String], on resource: String, policy: RuntimeCall.ResourcePolicy = .none, account: String? = nil,
            region: String? = nil, context: [RuntimeCall.Fact] = []) -> RuntimeCall
        {
            RuntimeCall(
                actions: actions, caller: role, account: account ?? scene.toolingAccount, region: region ?? home, resource: resource,
                policy: policy, context: context, cause: cause, origin: origin)
        }
        var out: [RuntimeCall] = []
        // [Amazon ECR sample](https://docs.aws.amazon.com/codebuild/latest/userguide/sample-ecr.html)
        if project.pullsWithRole, let image = ECRImage(uri: project.image) {
            let own = image.account == account && image.region == home && image.repository == scene.registryName
            // ecr:GetAuthorizationToken has no resource type.
            out.append(call(["ecr:GetAuthorizationToken"], on: "*"))
            out.append(
                call(
                    ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
                    on: "arn:aws:ecr:\(image.region):\(image.account):repository/\(image.repository)", policy: own ? .repository : .none,
                    account: image.account, region: image.region))
        }
        // [Allow CodeBuild access to AWS services required to create a VPC network interface](https://docs.aws.amazon.com/codebuild/latest/userguide/auth-and-access-control-iam-identity-based-access-control.html#customer-managed-policies-example-create-vpc-network-interface)
        if !project.subnets.isEmpty {
            let ec2 = "arn:aws:ec2:\(home):\(account):"
            // ec2:Describe* have no resource type; the interface is created in a subnet with the
            // security groups, each a resource of the request.
            out.append(
                call(
                    ["ec2:DescribeDhcpOptions", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeVpcs"],
                    on: "*"))
            let interface = ec2 + "network-interface/eni-example"
            for resource in [interface] + project.subnets.map({ ec2 + "subnet/\($0)" }) + project.securityGroups.map({ ec2 + "security-group/\($0)" }) {
                out.append(call(["ec2:CreateNetworkInterface"], on: resource))
            }
            out.append(call(["ec2:DeleteNetworkInterface"], on: interface))
            for subnet in project.subnets {
                out.append(
                    call(
                        ["ec2:CreateNetworkInterfacePermission"], on: interface,
                        context: [.init("ec2:Subnet", ec2 + "subnet/\(subnet)"), .init("ec2:AuthorizedService", scene.names.principal(.codebuild))]))
            }
        }
        // [Parameter Store and Secrets Manager variables](https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.parameter-store)
        for parameter in project.parameters {
            let name = parameter.hasPrefix("/") ? String(parameter.dropFirst()) : parameter
            out.append(call(["ssm:GetParameters"], on: "arn:aws:ssm:\(home):\(account):parameter/\(name)"))
        }
        for secret in project.secrets {
            // `secret-id:json-key:version-stage:version-id`; a name is looked up in the tooling
            // account and home region, its ARN ending in 6 characters of Secrets Manager's.
            let id: String
            if secret.hasPrefix("arn:") {
                id = secret.split(separator: ":", omittingEmptySubsequences: false).prefix(7).joined(separator: ":")
            } else {
                id = "arn:aws:secretsmanager:\(home):\(account):secret:\(secret.split(separator: ":", omittingEmptySubsequences: false)[0])-AbCdEf"
            }
            out.append(
                call(["secretsmanager:GetSecretValue"], on: id, account: RuntimeCall.account(ofArn: id), region: RuntimeCall.region(ofArn: id)))
        }
        // [Build caching](https://docs.aws.amazon.com/codebuild/latest/userguide/build-caching.html)
        if let location = project.cacheLocation, let slash = location.firstIndex(of: "/") {
            let bucket = location[..<slash], prefix = location[location.index(after: slash)...]
            out.append(call(["s3:GetObject", "s3:PutObject"], on: "arn:aws:s3:::\(bucket)/\(prefix)/example", policy: .bucket))
            if let key = project.encryptionKey {
                out.append(
                    call(
                        ["kms:GenerateDataKey", "kms:Decrypt"], on: key, policy: .key,
                        context: [.init("kms:ViaService", scene.names.endpoint(.s3, region: home))]))
            }
        }
        return out
    }
}
