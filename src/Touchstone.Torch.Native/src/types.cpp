// The ABI's dtype and device codes. The managed enums DType and DeviceType use the same numbers.
#include "shim.h"

namespace ts {

namespace {
constexpr at::ScalarType kTypes[] = {
    at::kFloat, at::kDouble, at::kLong, at::kInt, at::kBool, at::kHalf, at::kBFloat16, at::kByte, at::kChar,
    at::kShort,
};
constexpr int32_t kTypeCount = sizeof(kTypes) / sizeof(kTypes[0]);
}  // namespace

at::ScalarType scalar_type(int32_t code) {
  TORCH_CHECK(code >= 0 && code < kTypeCount, "unknown dtype code ", code);
  return kTypes[code];
}

int32_t scalar_type_code(at::ScalarType type) {
  for (int32_t i = 0; i < kTypeCount; ++i)
    if (kTypes[i] == type) return i;
  TORCH_CHECK(false, "tensor has dtype ", c10::toString(type), ", which Touchstone.Torch does not support");
}

at::Device device(int32_t type, int32_t index) {
  if (type == 0) return at::Device(at::kCPU);
  TORCH_CHECK(type == 1, "unknown device type code ", type);
  TORCH_CHECK(at::hasCUDA(), "device cuda:", index,
              " was requested, but CUDA is not available: this libtorch was built without CUDA or no GPU/driver "
              "is visible. Use the cpu device, or build Touchstone.Torch.Native against a CUDA libtorch "
              "(Torch_DIR) on a machine with a GPU.");
  const auto count = static_cast<int64_t>(at::getNumGPUs());
  TORCH_CHECK(index >= 0 && index < count, "device cuda:", index, " was requested, but only ", count,
              " CUDA device(s) are visible (cuda:0 to cuda:", count - 1, ").");
  return at::Device(at::kCUDA, static_cast<c10::DeviceIndex>(index));
}

at::TensorOptions options(int32_t dtype, int32_t device_type, int32_t device_index) {
  return at::TensorOptions().dtype(scalar_type(dtype)).device(device(device_type, device_index));
}

}  // namespace ts
