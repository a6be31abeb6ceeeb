// Process-wide settings and facts about the libtorch in use: version, CUDA, seeds, determinism, threads, BLAS.
#include "shim.h"

#include <dlfcn.h>
#include <link.h>

#include <ATen/Parallel.h>

#include <climits>
#include <cstdlib>
#include <mutex>

namespace {

void seed_generator(at::Generator generator, uint64_t seed) {
  std::lock_guard<std::mutex> lock(generator.mutex());
  generator.set_current_seed(seed);
}

// The CUDA driver API, looked up at run time so the shim needs no CUDA headers and builds against CPU libtorch.
void* cuda_driver() {
  static void* handle = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
  return handle;
}

template <typename Fn>
Fn cuda_symbol(const char* name) {
  void* driver = cuda_driver();
  return driver ? reinterpret_cast<Fn>(dlsym(driver, name)) : nullptr;
}

int collect_blas(struct dl_phdr_info* info, size_t, void* data) {
  auto* found = static_cast<std::string*>(data);
  const std::string name = info->dlpi_name ? info->dlpi_name : "";
  const auto base = name.substr(name.find_last_of('/') + 1);
  for (const char* marker : {"blas", "mkl", "lapack", "blis", "accelerate"}) {
    if (base.find(marker) == std::string::npos) continue;
    char resolved[PATH_MAX];
    const std::string path = realpath(name.c_str(), resolved) ? resolved : name;
    if (found->find(path) == std::string::npos) *found += (found->empty() ? "" : ";") + path;
    break;
  }
  return 0;
}

}  // namespace

TS_API const char* ts_runtime_version() {
  return TORCH_VERSION;
}

TS_API int32_t ts_runtime_cuda_available() {
  return ts::guard(int32_t{0}, [] { return static_cast<int32_t>(at::hasCUDA() && at::getNumGPUs() > 0); });
}

TS_API int32_t ts_runtime_cuda_device_count() {
  return ts::guard(int32_t{0}, [] { return at::hasCUDA() ? static_cast<int32_t>(at::getNumGPUs()) : 0; });
}

TS_API int32_t ts_runtime_manual_seed(uint64_t seed) {
  return ts::status_result([&] {
    seed_generator(at::detail::getDefaultCPUGenerator(), seed);
    if (!at::hasCUDA()) return;
    for (size_t i = 0; i < at::getNumGPUs(); ++i)
      seed_generator(at::globalContext().defaultGenerator(at::Device(at::kCUDA, static_cast<c10::DeviceIndex>(i))),
                     seed);
  });
}

TS_API int32_t ts_runtime_set_num_threads(int32_t threads) {
  return ts::status_result([&] {
    TORCH_CHECK(threads > 0, "the number of intra-op threads must be positive, got ", threads);
    at::set_num_threads(threads);
  });
}

TS_API int32_t ts_runtime_get_num_threads() { return at::get_num_threads(); }

// warn_only: operations without a deterministic implementation warn instead of failing (useful on CUDA, where a
// few, e.g. scatter_add, have none).
TS_API int32_t ts_runtime_set_deterministic(int32_t enabled, int32_t warn_only) {
  return ts::status_result([&] {
    // cuBLAS is deterministic only with a fixed workspace; the variable must be set before its first handle.
    if (enabled) setenv("CUBLAS_WORKSPACE_CONFIG", ":4096:8", /*overwrite=*/0);
    at::globalContext().setDeterministicAlgorithms(enabled != 0, warn_only != 0);
    at::globalContext().setDeterministicCuDNN(enabled != 0);
    at::globalContext().setBenchmarkCuDNN(false);
  });
}

// 0 off, 1 on, 2 on with warnings instead of errors for operations that have no deterministic kernel.
TS_API int32_t ts_runtime_get_deterministic() {
  if (!at::globalContext().deterministicAlgorithms()) return 0;
  return at::globalContext().deterministicAlgorithmsWarnOnly() ? 2 : 1;
}

TS_API const char* ts_runtime_build_config() {
  return ts::guard(static_cast<const char*>(nullptr), [] { return ts::thread_string(at::show_config()); });
}

TS_API const char* ts_runtime_parallel_info() {
  return ts::guard(static_cast<const char*>(nullptr), [] { return ts::thread_string(at::get_parallel_info()); });
}

// The BLAS/LAPACK libraries actually loaded in this process (after symlinks such as Debian's alternatives).
TS_API const char* ts_runtime_blas_libraries() {
  return ts::guard(static_cast<const char*>(nullptr), [] {
    std::string found;
    dl_iterate_phdr(collect_blas, &found);
    return ts::thread_string(found);
  });
}

// The GPU's name from the CUDA driver, or an empty string when there is none.
TS_API const char* ts_runtime_cuda_device_name(int32_t index) {
  return ts::guard(static_cast<const char*>(nullptr), [&] {
    using Init = int (*)(unsigned);
    using Get = int (*)(int*, int);
    using Name = int (*)(char*, int, int);
    auto init = cuda_symbol<Init>("cuInit");
    auto get = cuda_symbol<Get>("cuDeviceGet");
    auto name = cuda_symbol<Name>("cuDeviceGetName");
    char buffer[256] = {0};
    int dev = 0;
    if (init && get && name && init(0) == 0 && get(&dev, index) == 0) name(buffer, sizeof(buffer) - 1, dev);
    return ts::thread_string(buffer);
  });
}

// The CUDA driver's version as the driver API reports it (e.g. 12040 for 12.4), or 0 without a driver.
TS_API int32_t ts_runtime_cuda_driver_version() {
  using Version = int (*)(int*);
  auto version = cuda_symbol<Version>("cuDriverGetVersion");
  int value = 0;
  if (version && version(&value) != 0) value = 0;
  return value;
}

// OpenBLAS keeps a thread pool of its own that at::set_num_threads does not size: with several cells training at
// once, each pool spins for the same cores. The entry points are looked up at run time, so other BLAS libraries
// (MKL sizes with libtorch's threads; reference BLAS has none) report "unsupported" (-1) instead of failing to link.
TS_API int32_t ts_runtime_set_blas_threads(int32_t threads) {
  using Set = void (*)(int);
  static auto set = reinterpret_cast<Set>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
  if (threads <= 0) {
    ts::set_error("the number of BLAS threads must be positive");
    return -1;
  }
  if (!set) return 0;
  set(threads);
  return 1;
}

TS_API int32_t ts_runtime_get_blas_threads() {
  using Get = int (*)();
  static auto get = reinterpret_cast<Get>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
  return get ? get() : -1;
}

// The kernel OpenBLAS selected for this CPU and its build ("Zen; OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Zen
// MAX_THREADS=64"): a DYNAMIC_ARCH build picks its kernels at load time, so the same library computes differently
// on another CPU. Empty when the loaded BLAS is not OpenBLAS.
TS_API const char* ts_runtime_blas_core() {
  return ts::guard(static_cast<const char*>(nullptr), [] {
    using Text = char* (*)();
    static auto core = reinterpret_cast<Text>(dlsym(RTLD_DEFAULT, "openblas_get_corename"));
    static auto config = reinterpret_cast<Text>(dlsym(RTLD_DEFAULT, "openblas_get_config"));
    std::string found;
    if (core) found = core();
    if (config) found += (found.empty() ? "" : "; ") + std::string(config());
    return ts::thread_string(found);
  });
}
