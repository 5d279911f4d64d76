extension CodeBuild.Project {
    /// The build environment.
    /// [Environment](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-environment.html)
    public struct Environment: PropertyStruct, Hashable {
        /// CPU and memory. [ComputeType](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-environment.html#cfn-codebuild-project-environment-computetype)
        public var computeType: ComputeType
        /// [EnvironmentVariables](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-environment.html#cfn-codebuild-project-environment-environmentvariables)
        public var environmentVariables: [EnvironmentVariable]
        /// A curated image such as `aws/codebuild/standard:7.0`, or an image URI. [Image](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-environment.html#cfn-codebuild-project-environment-image)
        public var image: Value
        /// `CODEBUILD` for curated images, `SERVICE_ROLE` for images in your registries. [ImagePullCredentialsType](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-environment.html#cfn-codebuild-project-environment-imagepullcredentialstype)
        public var imagePullCredentialsType: ImagePullCredentialsType?
        /// Run the Docker daemon inside the build (to build images). [PrivilegedMode](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-environment.html#cfn-codebuild-project-environment-privilegedmode)
        public var privilegedMode: Bool?
        /// Container or machine type. [Type](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-environment.html#cfn-codebuild-project-environment-type)
        public var type: EnvironmentType

        public init(
            type: EnvironmentType = .linuxContainer, computeType: ComputeType = .small, image: Value,
            privilegedMode: Bool? = nil, imagePullCredentialsType: ImagePullCredentialsType? = nil,
            environmentVariables: [EnvironmentVariable] = []
        ) {
            self.type = type
            self.computeType = computeType
            self.image = image
            self.privilegedMode = privilegedMode
            self.imagePullCredentialsType = imagePullCredentialsType
            self.environmentVariables = environmentVariables
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("ComputeType", computeType)
            p.set("EnvironmentVariables", environmentVariables)
            p.set("Image", image)
            p.set("ImagePullCredentialsType", imagePullCredentialsType)
            p.set("PrivilegedMode", privilegedMode)
            p.set("Type", type)
            return p.fields
        }

        /// `ComputeType`; AWS adds sizes often, so any other value may be given as a string.
        public struct ComputeType: OpenStringEnum {
            public var rawValue: String
            public init(rawValue: String) { self.rawValue = rawValue }

            public static let small = ComputeType(rawValue: "BUILD_GENERAL1_SMALL")
            public static let medium = ComputeType(rawValue: "BUILD_GENERAL1_MEDIUM")
            public static let large = ComputeType(rawValue: "BUILD_GENERAL1_LARGE")
            public static let xlarge = ComputeType(rawValue: "BUILD_GENERAL1_XLARGE")
            public static let xxlarge = ComputeType(rawValue: "BUILD_GENERAL1_2XLARGE")
            public static let lambda1GB = ComputeType(rawValue: "BUILD_LAMBDA_1GB")
            public static let lambda2GB = ComputeType(rawValue: "BUILD_LAMBDA_2GB")
            public static let lambda4GB = ComputeType(rawValue: "BUILD_LAMBDA_4GB")
            public static let lambda8GB = ComputeType(rawValue: "BUILD_LAMBDA_8GB")
            public static let lambda10GB = ComputeType(rawValue: "BUILD_LAMBDA_10GB")
        }

        /// `Type`; AWS adds environment types often, so any other value may be given as a string.
        public struct EnvironmentType: OpenStringEnum {
            public var rawValue: String
            public init(rawValue: String) { self.rawValue = rawValue }

            public static let linuxContainer = EnvironmentType(rawValue: "LINUX_CONTAINER")
            public static let armContainer = EnvironmentType(rawValue: "ARM_CONTAINER")
            public static let linuxGPUContainer = EnvironmentType(rawValue: "LINUX_GPU_CONTAINER")
            public static let linuxLambdaContainer = EnvironmentType(rawValue: "LINUX_LAMBDA_CONTAINER")
            public static let armLambdaContainer = EnvironmentType(rawValue: "ARM_LAMBDA_CONTAINER")
            public static let windowsServer2019Container = EnvironmentType(rawValue: "WINDOWS_SERVER_2019_CONTAINER")
            public static let windowsServer2022Container = EnvironmentType(rawValue: "WINDOWS_SERVER_2022_CONTAINER")
        }

        public enum ImagePullCredentialsType: String, StringEnum {
            case codeBuild = "CODEBUILD"
            case serviceRole = "SERVICE_ROLE"
        }
    }

    /// One build environment variable.
    /// [EnvironmentVariable](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-environmentvariable.html)
    public struct EnvironmentVariable: PropertyStruct, Hashable {
        /// [Name](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-environmentvariable.html#cfn-codebuild-project-environmentvariable-name)
        public var name: String
        /// How `Value` is read; `PLAINTEXT` when nil. [Type](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-environmentvariable.html#cfn-codebuild-project-environmentvariable-type)
        public var type: VariableType?
        /// The value, or the parameter / secret name. [Value](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-environmentvariable.html#cfn-codebuild-project-environmentvariable-value)
        public var value: Value

        public init(_ name: String, _ value: Value, type: VariableType? = nil) {
            self.name = name
            self.value = value
            self.type = type
        }

        public var properties: [Field] {
            var p = Properties()
            p.set("Name", name)
            p.set("Type", type)
            p.set("Value", value)
            return p.fields
        }

        public enum VariableType: String, StringEnum {
            case plaintext = "PLAINTEXT"
            case parameterStore = "PARAMETER_STORE"
            case secretsManager = "SECRETS_MANAGER"
        }
    }
}
