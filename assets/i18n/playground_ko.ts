<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>Actions</name>
    <message>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <source>Click: add a point · right-click: next class · drag a point to move it · click a point: select it for the backprop explorer</source>
        <translation>클릭: 점 추가 · 오른쪽 클릭: 다음 클래스 · 점 끌기: 옮기기 · 점 클릭: 역전파 탐색기에서 따라가기</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>브러시</translation>
    </message>
    <message>
        <source>Drag to spray points of the current class</source>
        <translation>끌면 현재 클래스의 점을 뿌립니다</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>지우개</translation>
    </message>
    <message>
        <source>Click or drag to remove points (ctrl-click removes one anywhere)</source>
        <translation>클릭하거나 끌어서 점 지우기 (Ctrl+클릭: 어디서든 점 하나 지우기)</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시정지</translation>
    </message>
    <message>
        <source>Train continuously / pause</source>
        <translation>계속 학습 / 일시정지</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>한 스텝</translation>
    </message>
    <message>
        <source>One training step</source>
        <translation>학습 한 스텝</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>Back to the initial weights (same seed)</source>
        <translation>처음 가중치로 되돌리기 (같은 시드)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>New</source>
        <translation>새로 만들기</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>열기…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>다른 이름으로 저장…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>끝내기</translation>
    </message>
    <message>
        <source>Clear points</source>
        <translation>점 모두 지우기</translation>
    </message>
    <message>
        <source>Remove every point</source>
        <translation>모든 점을 지웁니다</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>전체 화면</translation>
    </message>
    <message>
        <source>Test points</source>
        <translation>테스트 점</translation>
    </message>
    <message>
        <source>New points are held-out test points (drawn hollow)</source>
        <translation>새 점을 학습에 쓰지 않는 테스트 점으로 찍습니다 (속이 빈 점)</translation>
    </message>
    <message>
        <source>Class {number}</source>
        <translation>클래스 {number}</translation>
    </message>
</context>
<context>
    <name>Activations</name>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>시그모이드</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>linear (none)</source>
        <translation>선형 (없음)</translation>
    </message>
</context>
<context>
    <name>Advice</name>
    <message>
        <source>There are no training points to learn from: add some to the plane (test points are not trained on).</source>
        <translation>학습할 점이 없습니다. 평면에 점을 찍으세요 (테스트 점으로는 학습하지 않습니다).</translation>
    </message>
    <message>
        <source>The learning rate ({rate:g}) is too high: from step {step} the loss climbed or swung up and down instead of falling. Lower it.</source>
        <translation>학습률({rate:g})이 너무 높습니다. 스텝 {step}부터 손실이 줄지 않고 오르거나 오르내립니다. 학습률을 낮추세요.</translation>
    </message>
    <message>
        <source>{percent:.0f}% of the ReLU units in layer {layer} are dead (0 for every point), so they no longer learn. Lower the learning rate and press Reset, or use leaky ReLU.</source>
        <translation>은닉층 {layer}의 ReLU 뉴런 중 {percent:.0f}%가 죽어서(모든 점에서 0) 더는 학습하지 않습니다. 학습률을 낮추고 초기화하거나 Leaky ReLU를 쓰세요.</translation>
    </message>
    <message>
        <source>A linear classifier draws one straight line: it cannot separate these classes better. Add a hidden layer, or input features such as x₁x₂ or x₁², x₂².</source>
        <translation>선형 분류기는 직선 하나만 그을 수 있어 이 클래스들을 더 잘 나누지 못합니다. 은닉층을 넣거나 x₁x₂, x₁², x₂² 같은 입력 특징을 더하세요.</translation>
    </message>
    <message>
        <source>With the linear activation the network is still one straight line (W₂(W₁x) is linear). Choose a non-linear activation such as tanh or ReLU.</source>
        <translation>선형 활성화 함수로는 층을 쌓아도 직선 하나입니다(W₂(W₁x)도 선형). tanh나 ReLU 같은 비선형 활성화 함수를 고르세요.</translation>
    </message>
    <message>
        <source>The loss is stuck: the penalty (L1 {l1:g}, L2 {l2:g}) keeps the weights too small to fit the points. Lower it.</source>
        <translation>손실이 멈췄습니다. 규제(L1 {l1:g}, L2 {l2:g})가 가중치를 너무 작게 눌러 점들에 맞추지 못합니다. 규제를 낮추세요.</translation>
    </message>
    <message>
        <source>The loss is stuck: most {activation} units in layer {layer} are saturated (flat), so little gradient gets through. Lower the learning rate and press Reset, or use ReLU.</source>
        <translation>손실이 멈췄습니다. 은닉층 {layer}의 {activation} 뉴런 대부분이 포화되어(평평해져) 기울기가 거의 지나가지 못합니다. 학습률을 낮추고 초기화하거나 ReLU를 쓰세요.</translation>
    </message>
    <message>
        <source>The loss is stuck: sigmoid passes back at most a quarter of the gradient through each layer, so deep sigmoid networks learn slowly. Use tanh or ReLU, or Adam.</source>
        <translation>손실이 멈췄습니다. 시그모이드는 층마다 기울기를 많아야 4분의 1만 돌려보내므로(기울기 소실) 깊은 시그모이드 신경망은 느리게 배웁니다. tanh나 ReLU, 또는 Adam을 쓰세요.</translation>
    </message>
    <message>
        <source>The loss has not improved for {steps} steps. Try a higher learning rate, Adam, or more neurons.</source>
        <translation>손실이 {steps} 스텝 동안 줄지 않았습니다. 학습률을 높이거나, Adam을 쓰거나, 뉴런을 늘려 보세요.</translation>
    </message>
</context>
<context>
    <name>Autosaver</name>
    <message>
        <source>The session cannot be autosaved: {reason}. Your work stays open; save it to a file to keep it.</source>
        <translation>세션을 자동 저장할 수 없습니다: {reason}. 작업은 열린 채로 남아 있으니, 보관하려면 파일로 저장하세요.</translation>
    </message>
    <message>
        <source>Autosave failed</source>
        <translation>자동 저장 실패</translation>
    </message>
    <message>
        <source>Autosave unreadable</source>
        <translation>자동 저장 파일을 읽을 수 없음</translation>
    </message>
    <message>
        <source>The autosaved session cannot be read ({reason}). It was kept as {path}.</source>
        <translation>자동 저장된 세션을 읽을 수 없습니다({reason}). 파일은 {path}(으)로 옮겨 두었습니다.</translation>
    </message>
    <message>
        <source>Restore session</source>
        <translation>세션 복원</translation>
    </message>
    <message>
        <source>Restore the session from {time}?</source>
        <translation>{time}에 저장된 세션을 복원할까요?</translation>
    </message>
</context>
<context>
    <name>Backprop</name>
    <message>
        <source>(x + y) · z</source>
        <translation>(x + y) · z</translation>
    </message>
    <message>
        <source>Neuron: gates</source>
        <translation>뉴런: 게이트</translation>
    </message>
    <message>
        <source>Neuron: σ gate</source>
        <translation>뉴런: σ 게이트</translation>
    </message>
    <message>
        <source>Gate patterns</source>
        <translation>게이트 패턴</translation>
    </message>
    <message>
        <source>distributes</source>
        <translation>분배</translation>
    </message>
    <message>
        <source>swaps</source>
        <translation>교환</translation>
    </message>
    <message>
        <source>routes</source>
        <translation>라우팅</translation>
    </message>
    <message>
        <source>adds</source>
        <translation>합</translation>
    </message>
    <message>
        <source>scores</source>
        <translation>점수</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>upstream {upstream}: the output&apos;s gradient with respect to itself, where the backward pass starts</source>
        <translation>상류 기울기 {upstream}: 출력의 자기 자신에 대한 기울기, 역전파가 시작되는 곳</translation>
    </message>
    <message>
        <source>upstream = {terms} = {total}: the gradients from its {count} uses add up</source>
        <translation>상류 기울기 = {terms} = {total}: {count}번 쓰인 곳에서 온 기울기를 모두 더합니다</translation>
    </message>
    <message>
        <source>to {input}: upstream {upstream} × local {local} = {downstream}</source>
        <translation>{input}(으)로: 상류 {upstream} × 국소 {local} = {downstream}</translation>
    </message>
    <message>
        <source>to {input}: upstream {upstream} ⊙ local {local} = downstream {downstream}</source>
        <translation>{input}(으)로: 상류 {upstream} ⊙ 국소 {local} = 하류 {downstream}</translation>
    </message>
    <message>
        <source>to {input}: upstream {upstream} ⊙ local {local}, summed to {downstream}</source>
        <translation>{input}(으)로: 상류 {upstream} ⊙ 국소 {local}, 합하면 {downstream}</translation>
    </message>
    <message>
        <source>to {input}: nothing (a constant takes no gradient)</source>
        <translation>{input}(으)로: 없음 (상수는 기울기를 받지 않습니다)</translation>
    </message>
    <message>
        <source>input {n_in}, output {n_out} → upstream {n_out}, local (Jacobian) {n_in}×{n_out}, downstream {n_in}</source>
        <translation>입력 {n_in}, 출력 {n_out} → 상류 {n_out}, 국소(야코비안) {n_in}×{n_out}, 하류 {n_in}</translation>
    </message>
    <message>
        <source>to {to}: d{w} = upstream · {x}ᵀ: {upstream} · {xt} = {downstream}</source>
        <translation>{to}(으)로: d{w} = 상류 · {x}ᵀ: {upstream} · {xt} = {downstream}</translation>
    </message>
    <message>
        <source>to {to}: d{x} = {w}ᵀ · upstream: {wt} · {upstream} = {downstream}</source>
        <translation>{to}(으)로: d{x} = {w}ᵀ · 상류: {wt} · {upstream} = {downstream}</translation>
    </message>
    <message>
        <source>to {input}: upstream {upstream} copied to every entry → downstream {downstream}</source>
        <translation>{input}(으)로: 상류 {upstream}을(를) 모든 원소에 복사 → 하류 {downstream}</translation>
    </message>
    <message>
        <source>to {input}: upstream {upstream} ÷ {count} to every entry → downstream {downstream}</source>
        <translation>{input}(으)로: 상류 {upstream} ÷ {count}을(를) 모든 원소에 → 하류 {downstream}</translation>
    </message>
    <message>
        <source>to {input}: upstream {upstream} → downstream {downstream}</source>
        <translation>{input}(으)로: 상류 {upstream} → 하류 {downstream}</translation>
    </message>
    <message>
        <source>{op}: {inputs} → {out}</source>
        <translation>{op}: {inputs} → {out}</translation>
    </message>
    <message>
        <source>{gate} ({pattern})</source>
        <translation>{gate} ({pattern})</translation>
    </message>
    <message>
        <source>scalar</source>
        <translation>스칼라</translation>
    </message>
</context>
<context>
    <name>BackpropExplorer</name>
    <message>
        <source>The model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>The network&apos;s graph for one point: click a point on the Boundary tab, or choose its number</source>
        <translation>점 하나에 대한 신경망의 계산 그래프: 결정 경계 탭에서 점을 클릭하거나 번호를 고르세요</translation>
    </message>
    <message>
        <source>point </source>
        <translation>점 </translation>
    </message>
    <message>
        <source>Use the current weights</source>
        <translation>현재 가중치로 다시</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>The arrays of the current step, or of the node you click</source>
        <translation>현재 스텝, 또는 클릭한 노드의 배열</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>처음으로</translation>
    </message>
    <message>
        <source>Reset: back to the inputs (Home)</source>
        <translation>처음으로: 입력으로 돌아가기 (Home)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <source>One step back (← with the graph focused)</source>
        <translation>한 스텝 뒤로 (그래프 선택 시 ←)</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>앞으로</translation>
    </message>
    <message>
        <source>One step on (→ with the graph focused)</source>
        <translation>한 스텝 앞으로 (그래프 선택 시 →)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시정지</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>Play or pause: a step every second (Space with the graph focused)</source>
        <translation>재생 또는 일시정지: 1초에 한 스텝 (그래프 선택 시 Space)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>전체 보기</translation>
    </message>
    <message>
        <source>The whole graph (the wheel zooms, a drag pans)</source>
        <translation>그래프 전체 보기 (휠: 확대/축소, 끌기: 이동)</translation>
    </message>
    <message>
        <source>No points: add some on the Boundary tab</source>
        <translation>점이 없습니다. 결정 경계 탭에서 점을 찍으세요</translation>
    </message>
    <message>
        <source>({x:.2f}, {y:.2f}), class {name}, a test point; weights of training step {step}. Click a point on the Boundary tab to follow another.</source>
        <translation>({x:.2f}, {y:.2f}), 클래스 {name}, 테스트 점. 학습 스텝 {step}의 가중치. 다른 점을 보려면 결정 경계 탭에서 점을 클릭하세요.</translation>
    </message>
    <message>
        <source>({x:.2f}, {y:.2f}), class {name}, a training point; weights of training step {step}. Click a point on the Boundary tab to follow another.</source>
        <translation>({x:.2f}, {y:.2f}), 클래스 {name}, 학습 점. 학습 스텝 {step}의 가중치. 다른 점을 보려면 결정 경계 탭에서 점을 클릭하세요.</translation>
    </message>
    <message>
        <source>step {p} of {n}</source>
        <translation>스텝 {p}/{n}</translation>
    </message>
    <message>
        <source>The inputs</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Forward (→) computes the graph one node at a time; then the backward pass sends the gradient back, node by node.</source>
        <translation>앞으로(→)를 누르면 순전파가 노드를 하나씩 계산하고, 이어서 역전파가 노드마다 기울기를 거꾸로 보냅니다.</translation>
    </message>
    <message>
        <source>Forward {k} of {n}</source>
        <translation>순전파 {k}/{n}</translation>
    </message>
    <message>
        <source>Backward {k} of {n}</source>
        <translation>역전파 {k}/{n}</translation>
    </message>
    <message>
        <source>input {name}</source>
        <translation>입력 {name}</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>upstream</source>
        <translation>상류 기울기</translation>
    </message>
    <message>
        <source>local d/d {name}</source>
        <translation>국소 기울기 d/d {name}</translation>
    </message>
    <message>
        <source>downstream to {name}</source>
        <translation>{name}(으)로 가는 하류 기울기</translation>
    </message>
    <message>
        <source>gradient</source>
        <translation>기울기</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>Dataset</source>
        <translation>데이터셋</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>점 개수</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>노이즈</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>클래스 수</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Test split</source>
        <translation>테스트 비율</translation>
    </message>
    <message>
        <source>Which toy problem to generate</source>
        <translation>만들 연습 문제</translation>
    </message>
    <message>
        <source>How many points to generate</source>
        <translation>만들 점의 개수</translation>
    </message>
    <message>
        <source>Jitter added to every point (plane units)</source>
        <translation>모든 점에 더하는 흔들림 (평면 단위)</translation>
    </message>
    <message>
        <source>How many classes the generator makes</source>
        <translation>생성기가 만드는 클래스 수</translation>
    </message>
    <message>
        <source>Change it for another sample of the same problem</source>
        <translation>바꾸면 같은 문제의 다른 표본이 나옵니다</translation>
    </message>
    <message>
        <source>Share of the points held out to test the model</source>
        <translation>모델을 테스트하려고 학습에서 빼 두는 점의 비율</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>다시 생성</translation>
    </message>
    <message>
        <source>Replace the points with freshly generated ones</source>
        <translation>점들을 새로 생성한 점으로 바꿉니다</translation>
    </message>
    <message>
        <source>New points get the selected class (keys 1-5)</source>
        <translation>새 점은 선택한 클래스가 됩니다 (키 1-5)</translation>
    </message>
    <message>
        <source>Add class</source>
        <translation>클래스 추가</translation>
    </message>
    <message>
        <source>Remove class</source>
        <translation>클래스 삭제</translation>
    </message>
    <message>
        <source>{number}  {name}    {train} train · {test} test</source>
        <translation>{number}  {name}    학습 {train} · 테스트 {test}</translation>
    </message>
</context>
<context>
    <name>Datasets</name>
    <message>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>동심원</translation>
    </message>
    <message>
        <source>Moons</source>
        <translation>반달</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>나선</translation>
    </message>
    <message>
        <source>Gaussian blobs</source>
        <translation>가우시안 덩어리</translation>
    </message>
    <message>
        <source>Linearly separable</source>
        <translation>선형 분리 가능</translation>
    </message>
    <message>
        <source>Checkerboard</source>
        <translation>체커보드</translation>
    </message>
    <message>
        <source>four quadrants, opposite corners share a class</source>
        <translation>네 사분면, 마주 보는 모서리가 같은 클래스</translation>
    </message>
    <message>
        <source>concentric rings</source>
        <translation>중심이 같은 고리들</translation>
    </message>
    <message>
        <source>two interleaving half circles</source>
        <translation>서로 맞물린 두 반원</translation>
    </message>
    <message>
        <source>interleaved spiral arms</source>
        <translation>서로 감긴 나선 팔</translation>
    </message>
    <message>
        <source>round blobs</source>
        <translation>둥근 덩어리</translation>
    </message>
    <message>
        <source>parallel bands, separable by lines</source>
        <translation>직선으로 나눌 수 있는 평행한 띠</translation>
    </message>
    <message>
        <source>a 4 x 4 board</source>
        <translation>4 × 4 판</translation>
    </message>
</context>
<context>
    <name>DivergenceBanner</name>
    <message>
        <source>Reset</source>
        <translation>초기화</translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <source>Move point</source>
        <translation>점 옮기기</translation>
    </message>
    <message>
        <source>Brush stroke</source>
        <translation>브러시로 칠하기</translation>
    </message>
    <message>
        <source>Erase points</source>
        <translation>점 지우기</translation>
    </message>
    <message>
        <source>Erase point</source>
        <translation>점 하나 지우기</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>브러시</translation>
    </message>
    <message>
        <source>Add point</source>
        <translation>점 추가</translation>
    </message>
    <message>
        <source>Clear points</source>
        <translation>점 모두 지우기</translation>
    </message>
    <message>
        <source>Regenerate points</source>
        <translation>점 다시 생성</translation>
    </message>
    <message>
        <source>Add class</source>
        <translation>클래스 추가</translation>
    </message>
    <message>
        <source>Remove class</source>
        <translation>클래스 삭제</translation>
    </message>
    <message>
        <source>Edit points</source>
        <translation>점 편집</translation>
    </message>
    <message>
        <source>Import points</source>
        <translation>점 가져오기</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>unexpected character {found}</source>
        <translation>예상하지 못한 문자 {found}</translation>
    </message>
    <message>
        <source>{found} is not a number (write 2*x for a product)</source>
        <translation>{found}은(는) 숫자가 아닙니다 (곱은 2*x처럼 쓰세요)</translation>
    </message>
    <message>
        <source>{found} is too large a number</source>
        <translation>{found}은(는) 너무 큰 수입니다</translation>
    </message>
    <message>
        <source>the formula stops too early: something is missing at the end</source>
        <translation>식이 너무 일찍 끝납니다: 끝에 무언가 빠졌습니다</translation>
    </message>
    <message>
        <source>expected a number, a variable or ( here, not {found}</source>
        <translation>여기에는 숫자, 변수 또는 ( 가 와야 합니다 ({found} 말고)</translation>
    </message>
    <message>
        <source>expected an operator (+ - * / **) here, not {found}</source>
        <translation>여기에는 연산자(+ - * / **)가 와야 합니다 ({found} 말고)</translation>
    </message>
    <message>
        <source>this ) closes nothing</source>
        <translation>닫는 괄호 ) 에 짝이 되는 ( 가 없습니다</translation>
    </message>
    <message>
        <source>this ( is never closed</source>
        <translation>여는 괄호 ( 가 닫히지 않았습니다</translation>
    </message>
    <message>
        <source>unknown function {name}; the functions are {choices}</source>
        <translation>모르는 함수 {name}; 쓸 수 있는 함수: {choices}</translation>
    </message>
    <message>
        <source>{name} is a function: write {name}(...)</source>
        <translation>{name}은(는) 함수입니다: {name}(...)처럼 쓰세요</translation>
    </message>
    <message>
        <source>wrong number of arguments: {name} takes {expected}, not {count}</source>
        <translation>인자 개수가 틀렸습니다: {name}은(는) {expected}개를 받습니다 ({count}개 말고)</translation>
    </message>
    <message>
        <source>type a formula, for example (x + y) * z</source>
        <translation>식을 입력하세요. 예: (x + y) * z</translation>
    </message>
    <message>
        <source>the formula is too long: {length} characters, at most {most}</source>
        <translation>식이 너무 깁니다: {length}자 (최대 {most}자)</translation>
    </message>
    <message>
        <source>nested too deeply: at most {most} levels</source>
        <translation>너무 깊게 중첩되었습니다: 최대 {most}단계</translation>
    </message>
    <message>
        <source>{name} has no value: give it one, for example {name}=1</source>
        <translation>{name}에 값이 없습니다: 예를 들어 {name}=1처럼 값을 주세요</translation>
    </message>
    <message>
        <source>{name} has a value but is not in the formula</source>
        <translation>{name}에 값이 있지만 식에는 없습니다</translation>
    </message>
    <message>
        <source>write values as name=number, separated by commas, not {found}</source>
        <translation>값은 이름=숫자 꼴로 쉼표로 나눠 쓰세요 ({found} 말고)</translation>
    </message>
    <message>
        <source>{name} is given twice</source>
        <translation>{name}이(가) 두 번 주어졌습니다</translation>
    </message>
    <message>
        <source>{text} cannot be computed: the log of {value:g} is undefined (it needs a number above 0)</source>
        <translation>{text}을(를) 계산할 수 없습니다: {value:g}의 로그는 정의되지 않습니다 (0보다 큰 수가 필요합니다)</translation>
    </message>
    <message>
        <source>division by zero: {text} is 0</source>
        <translation>0으로 나눔: {text}이(가) 0입니다</translation>
    </message>
    <message>
        <source>{text} is too large to compute (it overflows)</source>
        <translation>{text}이(가) 너무 커서 계산할 수 없습니다 (오버플로)</translation>
    </message>
    <message>
        <source>the gradient of {text} is infinite at these values</source>
        <translation>이 값들에서 {text}의 기울기가 무한대입니다</translation>
    </message>
    <message>
        <source>the exponent {text} must be a number; for a ** b with a variable b, write exp(b * log(a))</source>
        <translation>지수 {text}은(는) 숫자여야 합니다. b가 변수인 a ** b는 exp(b * log(a))로 쓰세요</translation>
    </message>
    <message>
        <source>{text} has no real value: {value:g} to a fractional power</source>
        <translation>{text}은(는) 실수 값이 없습니다: {value:g}의 분수 거듭제곱</translation>
    </message>
    <message>
        <source>must be a whole number, not {found}</source>
        <translation>정수여야 합니다 (받은 값: {found})</translation>
    </message>
    <message>
        <source>must be a number, not {found}</source>
        <translation>숫자여야 합니다 (받은 값: {found})</translation>
    </message>
    <message>
        <source>must be a finite number, not {value}</source>
        <translation>유한한 숫자여야 합니다 (받은 값: {value})</translation>
    </message>
    <message>
        <source>must be between {low} and {high}, not {value}</source>
        <translation>{low}에서 {high} 사이여야 합니다 (받은 값: {value})</translation>
    </message>
    <message>
        <source>must be at least {low:g} and at most {high:g}, not {value:g}</source>
        <translation>{low:g} 이상 {high:g} 이하여야 합니다 (받은 값: {value:g})</translation>
    </message>
    <message>
        <source>must be above {low:g} and at most {high:g}, not {value:g}</source>
        <translation>{low:g}보다 크고 {high:g} 이하여야 합니다 (받은 값: {value:g})</translation>
    </message>
    <message>
        <source>must be one of {choices}, not {found}</source>
        <translation>{choices} 중 하나여야 합니다 (받은 값: {found})</translation>
    </message>
    <message>
        <source>{dataset} makes {count} classes, not {value}</source>
        <translation>{dataset}은(는) 클래스를 {count}개 만듭니다 ({value}개가 아니라)</translation>
    </message>
    <message>
        <source>{dataset} makes {low}-{high} classes, not {value}</source>
        <translation>{dataset}은(는) 클래스를 {low}-{high}개 만듭니다 ({value}개가 아니라)</translation>
    </message>
    <message>
        <source>must be a list of layer widths, not {found}</source>
        <translation>층 너비의 목록이어야 합니다 (받은 값: {found})</translation>
    </message>
    <message>
        <source>at most {most} hidden layers, not {count}</source>
        <translation>은닉층은 최대 {most}개입니다 (받은 값: {count})</translation>
    </message>
    <message>
        <source>must be a list of feature names, not {found}</source>
        <translation>특징 이름의 목록이어야 합니다 (받은 값: {found})</translation>
    </message>
    <message>
        <source>choose at least one input feature</source>
        <translation>입력 특징을 하나 이상 고르세요</translation>
    </message>
    <message>
        <source>unknown feature {found}; choose from {choices}</source>
        <translation>모르는 특징 {found}; 다음 중에서 고르세요: {choices}</translation>
    </message>
    <message>
        <source>each feature may be chosen once</source>
        <translation>특징은 한 번씩만 고를 수 있습니다</translation>
    </message>
    <message>
        <source>the file must hold a JSON object, not {found}</source>
        <translation>파일에는 JSON 객체가 있어야 합니다 (받은 값: {found})</translation>
    </message>
    <message>
        <source>missing — is this a Decision Playground scenario?</source>
        <translation>없습니다 — Decision Playground 시나리오 파일이 맞나요?</translation>
    </message>
    <message>
        <source>expected &quot;{expected}&quot;, got {found}</source>
        <translation>&quot;{expected}&quot;이어야 하는데 {found}입니다</translation>
    </message>
    <message>
        <source>too large (over {megabytes} MB)</source>
        <translation>너무 큽니다 ({megabytes} MB 초과)</translation>
    </message>
    <message>
        <source>{path} is too large (over {megabytes} MB)</source>
        <translation>{path}이(가) 너무 큽니다 ({megabytes} MB 초과)</translation>
    </message>
    <message>
        <source>empty file</source>
        <translation>빈 파일</translation>
    </message>
    <message>
        <source>not valid JSON: line {line} column {column}: {reason}</source>
        <translation>올바른 JSON이 아닙니다: {line}행 {column}열: {reason}</translation>
    </message>
    <message>
        <source>the file is nested too deeply</source>
        <translation>파일이 너무 깊게 중첩되었습니다</translation>
    </message>
    <message>
        <source>not UTF-8 text (bad byte at offset {offset})</source>
        <translation>UTF-8 텍스트가 아닙니다 (위치 {offset}에 잘못된 바이트)</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>{path}을(를) 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>{path} is not a regular file (a folder, a pipe or a device cannot be opened)</source>
        <translation>{path}은(는) 일반 파일이 아닙니다 (폴더, 파이프, 장치는 열 수 없습니다)</translation>
    </message>
    <message>
        <source>too many values (over {most}): a file holds at most {points} points</source>
        <translation>값이 너무 많습니다 ({most}개 초과): 파일에는 점이 최대 {points}개까지 들어갑니다</translation>
    </message>
    <message>
        <source>cannot save {path}: {reason}</source>
        <translation>{path}에 저장할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>{path} is read-only, so it was left as it is: save under another name, or make the file writable first</source>
        <translation>{path}은(는) 읽기 전용이라 그대로 두었습니다. 다른 이름으로 저장하거나, 먼저 파일을 쓸 수 있게 바꾸세요</translation>
    </message>
    <message>
        <source>unknown field (expected one of {expected})</source>
        <translation>모르는 항목입니다 (가능한 항목: {expected})</translation>
    </message>
    <message>
        <source>must be an object {{...}}, not {found}</source>
        <translation>객체 {{...}}여야 합니다 (받은 값: {found})</translation>
    </message>
    <message>
        <source>must be a name, not {found}</source>
        <translation>이름이어야 합니다 (받은 값: {found})</translation>
    </message>
    <message>
        <source>must be text of at most {most} characters</source>
        <translation>최대 {most}자의 텍스트여야 합니다</translation>
    </message>
    <message>
        <source>holds a character that is not Unicode text (a lone surrogate such as \ud800)</source>
        <translation>유니코드 텍스트가 아닌 문자가 들어 있습니다 (\ud800 같은 짝 없는 서로게이트)</translation>
    </message>
    <message>
        <source>must be a list of 2 to {most} names</source>
        <translation>이름 2-{most}개의 목록이어야 합니다</translation>
    </message>
    <message>
        <source>names {count} classes but data.classes is {classes}</source>
        <translation>클래스 이름이 {count}개인데 data.classes는 {classes}입니다</translation>
    </message>
    <message>
        <source>must be a name of 1 to {most} characters, not {found}</source>
        <translation>1-{most}자의 이름이어야 합니다 (받은 값: {found})</translation>
    </message>
    <message>
        <source>{found} is used twice</source>
        <translation>{found}이(가) 두 번 쓰였습니다</translation>
    </message>
    <message>
        <source>must be a list of [x, y, class], not {found}</source>
        <translation>[x, y, 클래스]의 목록이어야 합니다 (받은 값: {found})</translation>
    </message>
    <message>
        <source>at most {most} points, not {count}</source>
        <translation>점은 최대 {most}개입니다 (받은 값: {count})</translation>
    </message>
    <message>
        <source>must be three finite numbers [x, y, class]</source>
        <translation>유한한 숫자 세 개 [x, y, 클래스]여야 합니다</translation>
    </message>
    <message>
        <source>x and y must be finite and between -{limit:g} and {limit:g}, not [{found_x}, {found_y}]</source>
        <translation>x와 y는 -{limit:g}에서 {limit:g} 사이의 유한한 수여야 합니다 (받은 값: [{found_x}, {found_y}])</translation>
    </message>
    <message>
        <source>the class must be a whole number, not {found}</source>
        <translation>클래스는 정수여야 합니다 (받은 값: {found})</translation>
    </message>
    <message>
        <source>class {label} is out of range 0..{high}</source>
        <translation>클래스 {label}이(가) 범위 0..{high}를 벗어났습니다</translation>
    </message>
    <message>
        <source>must be a list of point indices, not {found}</source>
        <translation>점 번호의 목록이어야 합니다 (받은 값: {found})</translation>
    </message>
    <message>
        <source>must index one of the {count} points, not {found}</source>
        <translation>점 {count}개 중 하나의 번호여야 합니다 (받은 값: {found})</translation>
    </message>
    <message>
        <source>point {index} is listed twice</source>
        <translation>점 {index}이(가) 두 번 나옵니다</translation>
    </message>
    <message>
        <source>given without &quot;points&quot;</source>
        <translation>&quot;points&quot; 없이 주어졌습니다</translation>
    </message>
    <message>
        <source>missing: a lesson needs a title, such as {{&quot;en&quot;: &quot;…&quot;, &quot;ko&quot;: &quot;…&quot;}}</source>
        <translation>없습니다: 수업에는 {{&quot;en&quot;: &quot;…&quot;, &quot;ko&quot;: &quot;…&quot;}} 같은 제목이 있어야 합니다</translation>
    </message>
    <message>
        <source>must be an object of language: text, such as {{&quot;en&quot;: &quot;…&quot;, &quot;ko&quot;: &quot;…&quot;}}, not {found}</source>
        <translation>{{&quot;en&quot;: &quot;…&quot;, &quot;ko&quot;: &quot;…&quot;}}처럼 언어: 텍스트로 된 객체여야 합니다 (받은 값: {found})</translation>
    </message>
    <message>
        <source>must be a language code such as en or ko</source>
        <translation>en이나 ko 같은 언어 코드여야 합니다</translation>
    </message>
    <message>
        <source>must be text of 1 to {most} characters, not {found}</source>
        <translation>1-{most}자의 텍스트여야 합니다 (받은 값: {found})</translation>
    </message>
    <message>
        <source>must be a list of at most {most} view names, not {found}</source>
        <translation>보기 이름 최대 {most}개의 목록이어야 합니다 (받은 값: {found})</translation>
    </message>
    <message>
        <source>must be a view name such as network or gradients, not {found}</source>
        <translation>network나 gradients 같은 보기 이름이어야 합니다 (받은 값: {found})</translation>
    </message>
    <message>
        <source>{found} is listed twice</source>
        <translation>{found}이(가) 두 번 나옵니다</translation>
    </message>
    <message>
        <source>name at least one outcome: {choices}</source>
        <translation>결과를 하나 이상 적으세요: {choices}</translation>
    </message>
    <message>
        <source>give at least one bound: {choices}</source>
        <translation>경계값을 하나 이상 주세요: {choices}</translation>
    </message>
    <message>
        <source>must be a finite number, not {found}</source>
        <translation>유한한 숫자여야 합니다 (받은 값: {found})</translation>
    </message>
    <message>
        <source>given without &quot;explorer&quot;</source>
        <translation>&quot;explorer&quot; 없이 주어졌습니다</translation>
    </message>
    <message>
        <source>name the gradient of at least one of {choices}</source>
        <translation>{choices} 중 하나 이상의 기울기를 적으세요</translation>
    </message>
    <message>
        <source>no points: expected a header line x,y,label,split and then one point a line</source>
        <translation>점이 없습니다: 머리글 줄 x,y,label,split 다음에 한 줄에 점 하나씩 있어야 합니다</translation>
    </message>
    <message>
        <source>line {line}: the first line must name the columns {expected} (split may be left out)</source>
        <translation>{line}행: 첫 줄에는 열 이름 {expected}이(가) 있어야 합니다 (split은 빼도 됩니다)</translation>
    </message>
    <message>
        <source>line {line}: expected the columns {columns}, found {count} values</source>
        <translation>{line}행: 열 {columns}이(가) 있어야 하는데 값이 {count}개입니다</translation>
    </message>
    <message>
        <source>line {line}: at most {most} points</source>
        <translation>{line}행: 점은 최대 {most}개입니다</translation>
    </message>
    <message>
        <source>line {line}: {column} must be a number, not {found}</source>
        <translation>{line}행: {column}은(는) 숫자여야 합니다 (받은 값: {found})</translation>
    </message>
    <message>
        <source>line {line}: {column} must be finite and between -{limit:g} and {limit:g}, not {found}</source>
        <translation>{line}행: {column}은(는) -{limit:g}에서 {limit:g} 사이의 유한한 수여야 합니다 (받은 값: {found})</translation>
    </message>
    <message>
        <source>line {line}: the label must be a class name of 1 to {most} characters or a class number, not {found}</source>
        <translation>{line}행: label은 1-{most}자의 클래스 이름이나 클래스 번호여야 합니다 (받은 값: {found})</translation>
    </message>
    <message>
        <source>line {line}: split must be &quot;train&quot;, &quot;test&quot; or empty, not {found}</source>
        <translation>{line}행: split은 &quot;train&quot;, &quot;test&quot; 또는 빈칸이어야 합니다 (받은 값: {found})</translation>
    </message>
    <message>
        <source>line {line}: class {label} is out of range 0..{high}</source>
        <translation>{line}행: 클래스 {label}이(가) 범위 0..{high}를 벗어났습니다</translation>
    </message>
    <message>
        <source>line {line}: {found} would be a class too many (at most {most})</source>
        <translation>{line}행: {found}까지 넣으면 클래스가 너무 많습니다 (최대 {most}개)</translation>
    </message>
    <message>
        <source>not a NumPy .npz file</source>
        <translation>NumPy .npz 파일이 아닙니다</translation>
    </message>
    <message>
        <source>missing or damaged — is this a Decision Playground model file?</source>
        <translation>없거나 손상되었습니다 — Decision Playground 모델 파일이 맞나요?</translation>
    </message>
    <message>
        <source>missing from the file</source>
        <translation>파일에 없습니다</translation>
    </message>
    <message>
        <source>must be an array of shape ({shape}), not ({actual})</source>
        <translation>모양이 ({shape})인 배열이어야 합니다 (받은 모양: ({actual}))</translation>
    </message>
    <message>
        <source>holds a number that is not finite</source>
        <translation>유한하지 않은 수가 들어 있습니다</translation>
    </message>
    <message>
        <source>the model is for {found} classes but the points have {count}</source>
        <translation>모델은 클래스 {found}개용인데 점들의 클래스는 {count}개입니다</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>목록</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>객체</translation>
    </message>
</context>
<context>
    <name>FeatureSpace</name>
    <message>
        <source>The linear model sees only these features: in this plane its boundary is a straight line.</source>
        <translation>선형 모델은 이 두 특징만 봅니다. 이 평면에서 결정 경계는 직선입니다.</translation>
    </message>
    <message>
        <source>The model sees only these features: its regions are drawn in this plane.</source>
        <translation>모델은 이 두 특징만 봅니다. 모델이 나눈 영역을 이 평면에 그립니다.</translation>
    </message>
    <message>
        <source>The model also uses {others}: its boundary lives in {count} dimensions, so it cannot be drawn in this plane.</source>
        <translation>모델은 {others}도 씁니다. 결정 경계가 {count}차원 공간에 있어서 이 평면에는 그릴 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>FeatureSpaceView</name>
    <message>
        <source>Horizontal</source>
        <translation>가로축</translation>
    </message>
    <message>
        <source>Vertical</source>
        <translation>세로축</translation>
    </message>
    <message>
        <source>The feature along the horizontal axis</source>
        <translation>가로축에 놓을 특징</translation>
    </message>
    <message>
        <source>The feature along the vertical axis</source>
        <translation>세로축에 놓을 특징</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <source>Import Points (CSV)…</source>
        <translation>점 가져오기 (CSV)…</translation>
    </message>
    <message>
        <source>Export Points (CSV)…</source>
        <translation>점 내보내기 (CSV)…</translation>
    </message>
    <message>
        <source>Load Trained Model…</source>
        <translation>학습된 모델 불러오기…</translation>
    </message>
    <message>
        <source>Save Trained Model…</source>
        <translation>학습된 모델 저장…</translation>
    </message>
    <message>
        <source>Export as PyTorch Script…</source>
        <translation>PyTorch 스크립트로 내보내기…</translation>
    </message>
    <message>
        <source>Record Training as GIF</source>
        <translation>학습 과정을 GIF로 녹화</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>녹화</translation>
    </message>
    <message>
        <source>Record the canvas as an animated GIF (press again to stop and save)</source>
        <translation>캔버스를 움직이는 GIF로 녹화합니다 (다시 누르면 멈추고 저장)</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>최근 파일 없음</translation>
    </message>
    <message>
        <source>Import points</source>
        <translation>점 가져오기</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 파일 (*.csv);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Cannot import points</source>
        <translation>점을 가져올 수 없음</translation>
    </message>
    <message>
        <source>Imported {count} points from {name}</source>
        <translation>{name}에서 점 {count}개를 가져왔습니다</translation>
    </message>
    <message>
        <source>Imported 1 point from {name}</source>
        <translation>{name}에서 점 1개를 가져왔습니다</translation>
    </message>
    <message>
        <source>Export points</source>
        <translation>점 내보내기</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot export points</source>
        <translation>점을 내보낼 수 없음</translation>
    </message>
    <message>
        <source>Saved 1 point to {name}</source>
        <translation>점 1개를 {name}에 저장했습니다</translation>
    </message>
    <message>
        <source>Saved {count} points to {name}</source>
        <translation>점 {count}개를 {name}에 저장했습니다</translation>
    </message>
    <message>
        <source>Save trained model</source>
        <translation>학습된 모델 저장</translation>
    </message>
    <message>
        <source>NumPy model files (*.npz)</source>
        <translation>NumPy 모델 파일 (*.npz)</translation>
    </message>
    <message>
        <source>Cannot save the model</source>
        <translation>모델을 저장할 수 없음</translation>
    </message>
    <message>
        <source>Saved the model to {name}</source>
        <translation>모델을 {name}에 저장했습니다</translation>
    </message>
    <message>
        <source>Export as PyTorch script</source>
        <translation>PyTorch 스크립트로 내보내기</translation>
    </message>
    <message>
        <source>Python files (*.py)</source>
        <translation>Python 파일 (*.py)</translation>
    </message>
    <message>
        <source>Cannot export the model</source>
        <translation>모델을 내보낼 수 없음</translation>
    </message>
    <message>
        <source>Saved a PyTorch script to {name}</source>
        <translation>PyTorch 스크립트를 {name}에 저장했습니다</translation>
    </message>
    <message>
        <source>Load trained model</source>
        <translation>학습된 모델 불러오기</translation>
    </message>
    <message>
        <source>Cannot load the model</source>
        <translation>모델을 불러올 수 없음</translation>
    </message>
    <message>
        <source>Model loaded</source>
        <translation>모델을 불러옴</translation>
    </message>
    <message>
        <source>{name} holds a {model}. The model settings were changed to match it (it was a {before}).</source>
        <translation>{name}에 든 모델: {model}. 모델 설정을 이에 맞게 바꿨습니다 (이전: {before}).</translation>
    </message>
    <message>
        <source>Loaded {name}: {model}, step {step}</source>
        <translation>{name}을(를) 불러왔습니다: {model}, 스텝 {step}</translation>
    </message>
    <message>
        <source>{summary}, features {features}</source>
        <translation>{summary}, 특징 {features}</translation>
    </message>
    <message>
        <source>{name} is the file of the open scenario. Choose another name: writing there would replace the saved scenario.</source>
        <translation>{name}은(는) 지금 열려 있는 시나리오의 파일입니다. 다른 이름을 고르세요: 여기에 쓰면 저장된 시나리오가 바뀝니다.</translation>
    </message>
    <message>
        <source>Recording needs Pillow</source>
        <translation>녹화에는 Pillow가 필요합니다</translation>
    </message>
    <message>
        <source>Recording a GIF needs the Pillow package. Install it with
{command}
then start the app again.</source>
        <translation>GIF로 녹화하려면 Pillow 패키지가 필요합니다. 다음 명령으로 설치한 뒤
{command}
앱을 다시 시작하세요.</translation>
    </message>
    <message>
        <source>Recording the canvas… press Record again to stop</source>
        <translation>캔버스를 녹화하는 중… 멈추려면 녹화를 다시 누르세요</translation>
    </message>
    <message>
        <source>Save recording</source>
        <translation>녹화 저장</translation>
    </message>
    <message>
        <source>GIF images (*.gif)</source>
        <translation>GIF 이미지 (*.gif)</translation>
    </message>
    <message>
        <source>Cannot save the recording</source>
        <translation>녹화를 저장할 수 없음</translation>
    </message>
    <message>
        <source>cannot save {path}: {reason}</source>
        <translation>{path}에 저장할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Saved {seconds:.0f} s of training to {name}</source>
        <translation>학습 {seconds:.0f}초를 {name}에 저장했습니다</translation>
    </message>
    <message>
        <source>Drop a scenario (.json), points (.csv) or model (.npz) file</source>
        <translation>시나리오(.json), 점(.csv), 모델(.npz) 파일을 끌어다 놓으세요</translation>
    </message>
</context>
<context>
    <name>FormulaBar</name>
    <message>
        <source>a formula, e.g. (x + y) * z</source>
        <translation>식, 예: (x + y) * z</translation>
    </message>
    <message>
        <source>Numbers, variables, + - * / **, parentheses and exp, log, sigmoid, tanh, relu, max, min</source>
        <translation>숫자, 변수, + - * / **, 괄호, 그리고 exp, log, sigmoid, tanh, relu, max, min</translation>
    </message>
    <message>
        <source>at</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>보기</translation>
    </message>
</context>
<context>
    <name>GradientCharts</name>
    <message>
        <source>Gradient norm |∂L/∂W| (log scale)</source>
        <translation>기울기 크기 |∂L/∂W| (로그 눈금)</translation>
    </message>
    <message>
        <source>Update / weight ratio (log scale; dashed: 10⁻³)</source>
        <translation>업데이트 / 가중치 비율 (로그 눈금, 점선: 10⁻³)</translation>
    </message>
    <message>
        <source>Dead ReLU units (%)</source>
        <translation>죽은 ReLU 뉴런 (%)</translation>
    </message>
    <message>
        <source>Only ReLU units die (output 0 for every point); the hidden layers here are {activation}.</source>
        <translation>ReLU 뉴런만 죽습니다(모든 점에서 출력 0). 지금 은닉층의 활성화 함수는 {activation}입니다.</translation>
    </message>
</context>
<context>
    <name>GradientCheckPanel</name>
    <message>
        <source>Check the gradients</source>
        <translation>기울기 검사</translation>
    </message>
    <message>
        <source>Numerical gradients (centred differences) against backpropagation, for every weight, on the training points</source>
        <translation>모든 가중치에 대해 학습 점에서 수치 기울기(중앙 차분)를 역전파와 비교합니다</translation>
    </message>
    <message>
        <source>Is backprop right? Each weight is nudged by ±1e−6 and the loss measured twice: slow, but sure.</source>
        <translation>역전파가 맞을까요? 가중치마다 ±1e−6만큼 살짝 바꾸고 손실을 두 번 잽니다. 느리지만 확실합니다.</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>Worst error</source>
        <translation>최대 오차</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>The weights have changed since: check again.</source>
        <translation>그 뒤로 가중치가 바뀌었습니다. 다시 검사하세요.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>검사하는 중…</translation>
    </message>
    <message>
        <source>No points to check on: add some first.</source>
        <translation>검사할 점이 없습니다. 먼저 점을 찍으세요.</translation>
    </message>
    <message>
        <source>{index}: W {rows}×{cols}, b</source>
        <translation>{index}: W {rows}×{cols}, b</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>통과</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Passed: every gradient agrees (relative error under {tolerance:g})</source>
        <translation>통과: 모든 기울기가 일치합니다 (상대 오차 {tolerance:g} 미만)</translation>
    </message>
    <message>
        <source>Failed: some gradients disagree</source>
        <translation>실패: 일치하지 않는 기울기가 있습니다</translation>
    </message>
    <message>
        <source>On {points} training points.</source>
        <translation>학습 점 {points}개에서.</translation>
    </message>
    <message>
        <source>Backpropagation: one forward and one backward pass, {ms:.2f} ms.</source>
        <translation>역전파: 순전파 한 번과 역전파 한 번, {ms:.2f} ms.</translation>
    </message>
    <message>
        <source>Numerical: {passes} forward passes (two per weight), {ms:.0f} ms: {times:.0f}× slower.</source>
        <translation>수치 기울기: 순전파 {passes}번(가중치마다 두 번), {ms:.0f} ms: {times:.0f}배 느립니다.</translation>
    </message>
    <message>
        <source>Checked {checked} of the {entries} weights; all of them would take {passes} forward passes, about {seconds:.0f} s.</source>
        <translation>가중치 {entries}개 중 {checked}개를 검사했습니다. 전부 하려면 순전파 {passes}번, 약 {seconds:.0f}초가 걸립니다.</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Neural Networks &amp; Backpropagation (시각적 이해를 위한 머신러닝 4강)</source>
        <translation>신경망과 역전파 (시각적 이해를 위한 머신러닝 4강)</translation>
    </message>
    <message>
        <source>View</source>
        <translation>보기</translation>
    </message>
    <message>
        <source>Leave presentation mode</source>
        <translation>발표 모드 끝내기</translation>
    </message>
    <message>
        <source>Other keys</source>
        <translation>그 밖의 키</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Decision Boundary Playground {version}&lt;/h3&gt;&lt;p&gt;See how neural networks learn: place points, pick a model, and watch the decision boundary, the losses and the gradients move while a small NumPy autograd engine trains.&lt;/p&gt;&lt;p&gt;Made for the lecture &lt;b&gt;{lecture}&lt;/b&gt;: linear classifiers and their templates, feature space, activation and loss functions, and backpropagation node by node.&lt;/p&gt;&lt;p&gt;Python, NumPy, PySide6 {pyside} (Qt {qt}) and pyqtgraph. MIT licence.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;결정 경계 플레이그라운드 {version}&lt;/h3&gt;&lt;p&gt;신경망이 어떻게 배우는지 직접 보세요. 점을 찍고 모델을 고른 뒤, 작은 NumPy 자동 미분 엔진이 학습하는 동안 결정 경계와 손실, 기울기가 움직이는 모습을 지켜봅니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;{lecture}&lt;/b&gt; 강의를 위해 만들었습니다: 선형 분류기와 템플릿, 특징 공간, 활성화 함수와 손실 함수, 그리고 노드 하나하나를 따라가는 역전파.&lt;/p&gt;&lt;p&gt;Python, NumPy, PySide6 {pyside} (Qt {qt}), pyqtgraph. MIT 라이선스.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Decision Boundary Playground</source>
        <translation>결정 경계 플레이그라운드 정보</translation>
    </message>
</context>
<context>
    <name>HiddenSpace</name>
    <message>
        <source>Layer {layer} · 1 unit: its activation</source>
        <translation>은닉층 {layer} · 뉴런 1개: 그 출력</translation>
    </message>
    <message>
        <source>Layer {layer} · 2 units: their activations</source>
        <translation>은닉층 {layer} · 뉴런 2개: 그 출력</translation>
    </message>
    <message>
        <source>Layer {layer} · {width} units · PCA keeps {kept:.0%} of the variance</source>
        <translation>은닉층 {layer} · 뉴런 {width}개 · PCA가 분산의 {kept:.0%}를 보존</translation>
    </message>
    <message>
        <source>principal axis 1</source>
        <translation>주축 1</translation>
    </message>
    <message>
        <source>principal axis 2</source>
        <translation>주축 2</translation>
    </message>
</context>
<context>
    <name>HiddenSpaceView</name>
    <message>
        <source>The hidden layer to look at</source>
        <translation>살펴볼 은닉층</translation>
    </message>
    <message>
        <source>Grey lines: the input plane&apos;s grid as this layer sees it; darker: the axes x₁ = 0 and x₂ = 0.</source>
        <translation>회색 선: 이 층이 보는 입력 평면의 격자. 진한 선: 축 x₁ = 0과 x₂ = 0.</translation>
    </message>
    <message>
        <source>XOR through a 2-unit layer</source>
        <translation>뉴런 2개 층으로 XOR 풀기</translation>
    </message>
    <message>
        <source>XOR with a 2-4-2-2 tanh network: watch the last hidden layer pull the classes apart</source>
        <translation>2-4-2-2 tanh 신경망으로 XOR: 마지막 은닉층이 클래스를 떼어 놓는 모습을 보세요</translation>
    </message>
    <message>
        <source>Layer {layer} · 1 unit</source>
        <translation>은닉층 {layer} · 뉴런 1개</translation>
    </message>
    <message>
        <source>Layer {layer} · {width} units</source>
        <translation>은닉층 {layer} · 뉴런 {width}개</translation>
    </message>
    <message>
        <source>A linear classifier has no hidden layer: it draws its line in the input features themselves. The preset below adds hidden layers.</source>
        <translation>선형 분류기에는 은닉층이 없습니다. 입력 특징 공간에 바로 직선을 긋습니다. 아래 버튼은 은닉층을 넣어 줍니다.</translation>
    </message>
    <message>
        <source>The layer&apos;s activations, as they are. The output layer is linear: its boundary is a straight line here. Training pulls the classes apart until the line separates them.</source>
        <translation>이 층의 출력을 그대로 그렸습니다. 출력층은 선형이라 여기서 결정 경계는 직선입니다. 학습은 직선이 클래스를 나눌 때까지 클래스들을 떼어 놓습니다.</translation>
    </message>
    <message>
        <source>The layer&apos;s activations, as they are. The output layer is linear: its boundaries are straight lines here. Training pulls the classes apart until the lines separate them.</source>
        <translation>이 층의 출력을 그대로 그렸습니다. 출력층은 선형이라 여기서 결정 경계는 직선들입니다. 학습은 직선들이 클래스를 나눌 때까지 클래스들을 떼어 놓습니다.</translation>
    </message>
    <message>
        <source>The layer&apos;s activations, as they are. The layers after it bend the space again: the boundary is drawn in the last hidden layer when it has 2 units.</source>
        <translation>이 층의 출력을 그대로 그렸습니다. 뒤의 층들이 공간을 다시 구부립니다. 결정 경계는 마지막 은닉층의 뉴런이 2개일 때 그 층에 그립니다.</translation>
    </message>
    <message>
        <source>{width} units do not fit in a plane: shown along the two principal axes of the points&apos; activations (PCA), which keep {kept:.0%} of their variance. The boundary is drawn when the last hidden layer has 2 units.</source>
        <translation>뉴런 {width}개는 평면에 다 담을 수 없어, 점들의 출력에서 구한 두 주축(PCA)으로 보여 줍니다. 이 두 축이 분산의 {kept:.0%}를 보존합니다. 결정 경계는 마지막 은닉층의 뉴런이 2개일 때 그립니다.</translation>
    </message>
    <message>
        <source>Shown: a fixed sample of {shown} of the {count} points.</source>
        <translation>표시: 점 {count}개 중 고정된 표본 {shown}개.</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
</context>
<context>
    <name>LessonCaption</name>
    <message>
        <source>Hide the caption (View → Lesson caption shows it again)</source>
        <translation>설명 숨기기 (보기 → 수업 설명으로 다시 보기)</translation>
    </message>
    <message>
        <source>Lesson caption</source>
        <translation>수업 설명</translation>
    </message>
    <message>
        <source>Show the open lesson&apos;s title and caption over the canvas</source>
        <translation>열린 수업의 제목과 설명을 캔버스 위에 보여 줍니다</translation>
    </message>
    <message>
        <source>Click to fold or unfold the caption</source>
        <translation>클릭하면 설명을 접거나 펼칩니다</translation>
    </message>
    <message>
        <source>Show the caption</source>
        <translation>설명 펼치기</translation>
    </message>
    <message>
        <source>Show the title only</source>
        <translation>제목만 보기</translation>
    </message>
</context>
<context>
    <name>LessonController</name>
    <message>
        <source>&amp;Lessons</source>
        <translation>수업(&amp;L)</translation>
    </message>
    <message>
        <source>{number}. {title}</source>
        <translation>{number}. {title}</translation>
    </message>
    <message>
        <source>This lesson asks for views this version does not have: {keys}</source>
        <translation>이 수업이 요청한 보기 중 이 버전에 없는 것: {keys}</translation>
    </message>
</context>
<context>
    <name>LinearMapView</name>
    <message>
        <source>With {activation} activations the network is not one linear map: its boundary can bend, and no single template per class describes it. Choose the linear classifier or the linear activation to see the one W.</source>
        <translation>활성화 함수가 {activation}이면 신경망은 선형 변환 하나가 아닙니다. 결정 경계가 휠 수 있고, 클래스마다 템플릿 하나로는 설명할 수 없습니다. 하나의 W를 보려면 선형 분류기나 선형 활성화 함수를 고르세요.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Class templates: the rows of W&lt;/b&gt;&lt;br&gt;score&lt;sub&gt;k&lt;/sub&gt; = w&lt;sub&gt;k&lt;/sub&gt; · x + b&lt;sub&gt;k&lt;/sub&gt;; the highest score wins.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;클래스 템플릿: W의 행&lt;/b&gt;&lt;br&gt;점수&lt;sub&gt;k&lt;/sub&gt; = w&lt;sub&gt;k&lt;/sub&gt; · x + b&lt;sub&gt;k&lt;/sub&gt;, 점수가 가장 높은 클래스가 이깁니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Still linear: W = {product}&lt;/b&gt;&lt;br&gt;{layers} layers with linear activations are one layer: the same scores for every input.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;여전히 선형: W = {product}&lt;/b&gt;&lt;br&gt;선형 활성화 함수를 쓴 {layers}개 층은 층 하나와 같습니다. 모든 입력에서 점수가 똑같습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Largest difference from the network&apos;s scores on the {count} points: {difference:.1e} (float64).&lt;/p&gt;</source>
        <translation>&lt;p&gt;점 {count}개에서 신경망 점수와의 최대 차이: {difference:.1e} (float64).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Losses</name>
    <message>
        <source>Softmax cross-entropy</source>
        <translation>소프트맥스 교차 엔트로피</translation>
    </message>
    <message>
        <source>Hinge (multiclass SVM)</source>
        <translation>힌지 손실 (다중 클래스 SVM)</translation>
    </message>
    <message>
        <source>Squared error</source>
        <translation>제곱 오차</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>학습(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Classes</source>
        <translation>클래스(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>About Decision Boundary Playground</source>
        <translation>결정 경계 플레이그라운드 정보</translation>
    </message>
    <message>
        <source>Boundary</source>
        <translation>결정 경계</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Class {number}: {name}</source>
        <translation>클래스 {number}: {name}</translation>
    </message>
    <message>
        <source>There is no class {number}: Add class (in Data) makes one.</source>
        <translation>클래스 {number}이(가) 없습니다. 데이터 패널의 클래스 추가로 만드세요.</translation>
    </message>
    <message>
        <source>At most {most} points: no more can be added (a scenario file holds that many). Erase some points to make room.</source>
        <translation>점은 최대 {most}개까지입니다 (시나리오 파일에 담을 수 있는 수). 더 추가할 수 없으니 점을 지워 자리를 만드세요.</translation>
    </message>
    <message>
        <source>Undo {edit}</source>
        <translation>실행 취소: {edit}</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Redo {edit}</source>
        <translation>다시 실행: {edit}</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>{name}[*] — {app}</source>
        <translation>{name}[*] — {app}</translation>
    </message>
    <message>
        <source>Decision Boundary Playground</source>
        <translation>결정 경계 플레이그라운드</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>시나리오 열기</translation>
    </message>
    <message>
        <source>Cannot open scenario</source>
        <translation>시나리오를 열 수 없음</translation>
    </message>
    <message>
        <source>Save scenario</source>
        <translation>시나리오 저장</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>저장할 수 없음</translation>
    </message>
    <message>
        <source>{problem}

Your work is still open here: save it under another name (File → Save As).</source>
        <translation>{problem}

작업은 여기 그대로 열려 있습니다. 다른 이름으로 저장하세요 (파일 → 다른 이름으로 저장).</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path}에 저장했습니다</translation>
    </message>
    <message>
        <source>Scenarios (*.json);;All files (*)</source>
        <translation>시나리오 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Cannot open the lesson</source>
        <translation>수업을 열 수 없음</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <source>Save the changes to the current scenario first?</source>
        <translation>현재 시나리오의 변경 사항을 먼저 저장할까요?</translation>
    </message>
</context>
<context>
    <name>Model</name>
    <message>
        <source>relu</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>시그모이드</translation>
    </message>
    <message>
        <source>leaky_relu</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>선형</translation>
    </message>
    <message>
        <source>{sizes} linear classifier, {parameters} parameters</source>
        <translation>{sizes} 선형 분류기, 파라미터 {parameters}개</translation>
    </message>
    <message>
        <source>{sizes} MLP, {activation}, {parameters} parameters</source>
        <translation>{sizes} MLP, {activation}, 파라미터 {parameters}개</translation>
    </message>
</context>
<context>
    <name>ModelPanel</name>
    <message>
        <source>Layer {number}</source>
        <translation>은닉층 {number}</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>층 수</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>Linear classifier</source>
        <translation>선형 분류기</translation>
    </message>
    <message>
        <source>Neural network (MLP)</source>
        <translation>신경망 (다층 퍼셉트론)</translation>
    </message>
    <message>
        <source>{n} hidden layer</source>
        <translation>은닉층 {n}개</translation>
    </message>
    <message>
        <source>{n} hidden layers</source>
        <translation>은닉층 {n}개</translation>
    </message>
    <message>
        <source>{n} neuron</source>
        <translation>뉴런 {n}개</translation>
    </message>
    <message>
        <source>{n} neurons</source>
        <translation>뉴런 {n}개</translation>
    </message>
    <message>
        <source>The non-linearity after every hidden layer</source>
        <translation>모든 은닉층 뒤에 오는 비선형 함수</translation>
    </message>
    <message>
        <source>Input features</source>
        <translation>입력 특징</translation>
    </message>
</context>
<context>
    <name>NetworkLegend</name>
    <message>
        <source>positive</source>
        <translation>양수</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>음수</translation>
    </message>
    <message>
        <source>|∂L/∂w|, |∂L/∂h| (log):</source>
        <translation>|∂L/∂w|, |∂L/∂h| (로그):</translation>
    </message>
    <message>
        <source>weights and outputs:</source>
        <translation>가중치와 출력:</translation>
    </message>
    <message>
        <source>width = |w|</source>
        <translation>굵기 = |w|</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <source>Unpin the neuron map from the canvas</source>
        <translation>캔버스에 고정한 뉴런 지도 풀기</translation>
    </message>
    <message>
        <source>Gradient flow</source>
        <translation>기울기 흐름</translation>
    </message>
    <message>
        <source>Light the edges and neurons by the size of their gradient in the last training step (log scale)</source>
        <translation>마지막 학습 스텝의 기울기 크기로 엣지와 뉴런을 칠합니다 (로그 눈금)</translation>
    </message>
    <message>
        <source>inputs</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>scores</source>
        <translation>점수</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>+{count} more</source>
        <translation>+{count}개 더</translation>
    </message>
    <message>
        <source>strongest {shown} of {count}</source>
        <translation>{count}개 중 가장 강한 {shown}개</translation>
    </message>
    <message>
        <source>L = {loss}</source>
        <translation>L = {loss}</translation>
    </message>
    <message>
        <source>{neuron} (pinned: Esc to unpin)</source>
        <translation>{neuron} (고정됨: Esc로 풀기)</translation>
    </message>
    <message>
        <source>input {name}</source>
        <translation>입력 {name}</translation>
    </message>
    <message>
        <source>score of {name}</source>
        <translation>{name}의 점수</translation>
    </message>
    <message>
        <source>layer {layer} #{unit}</source>
        <translation>은닉층 {layer}의 {unit}번</translation>
    </message>
    <message>
        <source>Point at a neuron or an edge for its numbers; click a neuron to keep its map on the canvas.</source>
        <translation>뉴런이나 엣지를 가리키면 숫자가 나옵니다. 뉴런을 클릭하면 그 지도가 캔버스에 남습니다.</translation>
    </message>
    <message>
        <source>W{layer}[{to},{frm}]: weight {weight}, ∂L/∂w {gradient}, last update {update} ({source} → {target})</source>
        <translation>W{layer}[{to},{frm}]: 가중치 {weight}, ∂L/∂w {gradient}, 마지막 업데이트 {update} ({source} → {target})</translation>
    </message>
    <message>
        <source>{name}: the feature itself, before any weight</source>
        <translation>{name}: 가중치를 거치기 전의 특징 그대로</translation>
    </message>
    <message>
        <source>{name}: bias {bias}, pre-activation {low} … {high}, dead (0) on {share:.0%} of training points, |∂L/∂h| {gradient}</source>
        <translation>{name}: 편향 {bias}, 활성화 전 값 {low} … {high}, 학습 점의 {share:.0%}에서 죽음(0), |∂L/∂h| {gradient}</translation>
    </message>
    <message>
        <source>{name}: bias {bias}, pre-activation {low} … {high}, saturated on {share:.0%} of training points, |∂L/∂h| {gradient}</source>
        <translation>{name}: 편향 {bias}, 활성화 전 값 {low} … {high}, 학습 점의 {share:.0%}에서 포화, |∂L/∂h| {gradient}</translation>
    </message>
    <message>
        <source>{name}: bias {bias}, pre-activation {low} … {high}, |∂L/∂h| {gradient}</source>
        <translation>{name}: 편향 {bias}, 활성화 전 값 {low} … {high}, |∂L/∂h| {gradient}</translation>
    </message>
</context>
<context>
    <name>Optimizers</name>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>SGD + momentum</source>
        <translation>SGD + 모멘텀</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Replace your points?</source>
        <translation>찍은 점을 바꿀까요?</translation>
    </message>
    <message>
        <source>The points were placed or edited by hand. Replace them with generated points? (Edit → Undo brings them back.)</source>
        <translation>직접 찍거나 고친 점들입니다. 생성한 점으로 바꿀까요? (편집 → 실행 취소로 되돌릴 수 있습니다.)</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <source>Presentation Mode</source>
        <translation>발표 모드</translation>
    </message>
    <message>
        <source>Large text, points and lines for a projector, full screen</source>
        <translation>프로젝터용으로 글자, 점, 선을 크게, 전체 화면으로</translation>
    </message>
    <message>
        <source>Hide Panels While Presenting</source>
        <translation>발표 중 패널 숨기기</translation>
    </message>
    <message>
        <source>In presentation mode, keep only the canvas, the curves and the network diagram</source>
        <translation>발표 모드에서는 캔버스, 곡선, 신경망 그림만 남깁니다</translation>
    </message>
    <message>
        <source>Presentation mode: {leave} or {escape} leaves, {panels} shows or hides the panels</source>
        <translation>발표 모드: {leave} 또는 {escape}로 끝내기, {panels}로 패널 보이기/숨기기</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>명령</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>키</translation>
    </message>
</context>
<context>
    <name>SpacesView</name>
    <message>
        <source>Feature space</source>
        <translation>특징 공간</translation>
    </message>
    <message>
        <source>Hidden space</source>
        <translation>은닉 공간</translation>
    </message>
    <message>
        <source>Templates and W</source>
        <translation>템플릿과 W</translation>
    </message>
</context>
<context>
    <name>SpeedControl</name>
    <message>
        <source>Speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>Training speed: slow motion in steps per second, then steps per frame (about 60 frames a second)</source>
        <translation>학습 속도: 느린 재생은 초당 스텝 수, 그 위로는 프레임당 스텝 수 (초당 약 60프레임)</translation>
    </message>
    <message>
        <source>1 step/s</source>
        <translation>1 스텝/초</translation>
    </message>
    <message>
        <source>{n} steps/s</source>
        <translation>{n} 스텝/초</translation>
    </message>
    <message>
        <source>1 step/frame</source>
        <translation>1 스텝/프레임</translation>
    </message>
    <message>
        <source>{n} steps/frame</source>
        <translation>{n} 스텝/프레임</translation>
    </message>
</context>
<context>
    <name>StillLinearStatus</name>
    <message>
        <source>Still linear: {product} is one {rows}×{columns} layer (largest difference {difference:.1e})</source>
        <translation>여전히 선형: {product}은(는) {rows}×{columns} 층 하나입니다 (최대 차이 {difference:.1e})</translation>
    </message>
</context>
<context>
    <name>TemplateArrows</name>
    <message>
        <source>Class templates</source>
        <translation>클래스 템플릿</translation>
    </message>
    <message>
        <source>Draw each class&apos;s weight vector on the canvas (T)</source>
        <translation>클래스마다 가중치 벡터를 캔버스에 그립니다 (T)</translation>
    </message>
    <message>
        <source>Class templates: for a linear model only</source>
        <translation>클래스 템플릿: 선형 모델에서만</translation>
    </message>
    <message>
        <source>Class templates: no x₁ or x₂ here (see Templates and W)</source>
        <translation>클래스 템플릿: 여기에는 x₁, x₂가 없습니다 (템플릿과 W 참고)</translation>
    </message>
    <message>
        <source>Class templates: the rows of W for x₁, x₂</source>
        <translation>클래스 템플릿: x₁, x₂에 대한 W의 행</translation>
    </message>
    <message>
        <source>Class templates: the rows of W for x₁, x₂, drawn ×{scale:g}</source>
        <translation>클래스 템플릿: x₁, x₂에 대한 W의 행, ×{scale:g}로 그림</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>The loss became not a number at step {step}.</source>
        <translation>스텝 {step}에서 손실이 숫자가 아니게(NaN) 되었습니다.</translation>
    </message>
    <message>
        <source>The loss became infinite at step {step}.</source>
        <translation>스텝 {step}에서 손실이 무한대가 되었습니다.</translation>
    </message>
    <message>
        <source>The loss exploded to {loss:.3g} at step {step}, past this run&apos;s limit of {limit:.3g}.</source>
        <translation>스텝 {step}에서 손실이 {loss:.3g}(으)로 폭발해 이번 학습의 한계 {limit:.3g}을(를) 넘었습니다.</translation>
    </message>
    <message>
        <source>The learning rate ({rate:g}) is too high: lower it, then press Play to go on from the last good weights, or Reset to start again.</source>
        <translation>학습률({rate:g})이 너무 높아 발산했습니다. 학습률을 낮춘 뒤 재생을 누르면 마지막 정상 가중치에서 이어서 학습하고, 초기화를 누르면 처음부터 다시 시작합니다.</translation>
    </message>
</context>
<context>
    <name>TrainingCharts</name>
    <message>
        <source>train</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>Loss (log scale)</source>
        <translation>손실 (로그 눈금)</translation>
    </message>
    <message>
        <source>Accuracy (%)</source>
        <translation>정확도 (%)</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>Step {step:,}</source>
        <translation>스텝 {step:,}</translation>
    </message>
    <message>
        <source>epoch {epoch:,.1f}</source>
        <translation>에포크 {epoch:,.1f}</translation>
    </message>
    <message>
        <source>Measured on a fixed sample: {train} of {train_points} training points, {test} of {test_points} test points.</source>
        <translation>고정된 표본으로 측정: 학습 점 {train_points}개 중 {train}개, 테스트 점 {test_points}개 중 {test}개.</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Loss</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>L1</source>
        <translation>L1 규제</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2 규제</translation>
    </message>
    <message>
        <source>Weight seed</source>
        <translation>가중치 시드</translation>
    </message>
    <message>
        <source>What the optimizer minimises (separate from the activations)</source>
        <translation>옵티마이저가 줄이는 값 (활성화 함수와는 별개)</translation>
    </message>
    <message>
        <source>How each step moves the weights</source>
        <translation>스텝마다 가중치를 움직이는 방법</translation>
    </message>
    <message>
        <source>Step size: too small is slow, too large diverges</source>
        <translation>보폭: 너무 작으면 느리고, 너무 크면 발산합니다</translation>
    </message>
    <message>
        <source>Points per step; &apos;full batch&apos; uses every training point</source>
        <translation>스텝마다 쓰는 점의 수. &apos;전체 배치&apos;는 모든 학습 점을 씁니다</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>전체 배치</translation>
    </message>
    <message>
        <source>L1 penalty on the weights: pushes them to exactly 0</source>
        <translation>가중치에 거는 L1 규제: 가중치를 정확히 0으로 밉니다</translation>
    </message>
    <message>
        <source>L2 penalty on the weights: keeps them small</source>
        <translation>가중치에 거는 L2 규제: 가중치를 작게 유지합니다</translation>
    </message>
    <message>
        <source>Seed of the initial weights (Reset returns to them)</source>
        <translation>처음 가중치의 시드 (초기화하면 이 가중치로 돌아갑니다)</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Loss and accuracy</source>
        <translation>손실과 정확도</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>기울기</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>신경망</translation>
    </message>
    <message>
        <source>Feature and hidden space</source>
        <translation>특징 공간과 은닉 공간</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>기울기 검사</translation>
    </message>
    <message>
        <source>Backprop</source>
        <translation>역전파</translation>
    </message>
</context>
</TS>
